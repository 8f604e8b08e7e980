namespace Pipeline.Engine.Execution;

/// <summary>
/// What a stage's exit code says when a signal ended it (the shell's 128 + signal number), for the failure message:
/// a bare "exit code 137" does not tell a researcher that the kernel's out-of-memory killer is the usual culprit.
/// </summary>
internal static class ExitSignal
{
    public static string Explain(int exitCode) => exitCode switch
    {
        137 => " (SIGKILL: most often the kernel's out-of-memory killer, for the machine or for the memory limit of the job " +
               "or container it runs in; `dmesg` says which — give the stage more memory, or make it need less)",
        139 => " (SIGSEGV: the process crashed in native code; the log's last lines show where)",
        134 => " (SIGABRT: a native library aborted; the log's last lines show why)",
        143 => " (SIGTERM: something outside the pipeline stopped it)",
        _ => "",
    };
}
