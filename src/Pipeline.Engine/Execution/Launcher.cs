namespace Pipeline.Engine.Execution;

/// <summary>
/// Runs each local stage through a tiny bash launcher so no stage process outlives the engine: the stage runs in its
/// own process group, and a watchdog kills that whole group as soon as the launcher's stdin — a pipe only the engine
/// holds open — reaches end of file, which the kernel makes happen when the engine dies, even by SIGKILL. The launcher
/// prints the group id as <c>::pid N</c>, so the engine can record who works in a resume folder. Where bash is missing
/// (Windows), stages run directly.
/// </summary>
internal static class Launcher
{
    private const string Script = """
        # written by the pipeline engine: runs a stage in its own process group and kills the group when the engine dies
        set -m
        exec 3<&0
        "$@" 3<&- </dev/null &
        stage=$!
        echo "::pid $stage"
        ( read -r -u 3 _; kill -KILL -- "-$stage" 2>/dev/null ) &
        watchdog=$!
        disown "$watchdog"   # killed below on purpose: bash must not report it as "Killed" into the stage log
        exec 3<&-
        wait "$stage"
        status=$?
        kill -KILL -- "-$watchdog" 2>/dev/null
        exit $status

        """;

    private static readonly Lazy<string?> Bash = new(() =>
        OperatingSystem.IsWindows() ? null : new[] { "/bin/bash", "/usr/bin/bash" }.FirstOrDefault(File.Exists));

    /// <summary>The program and arguments that run <paramref name="program"/> under the launcher (or unchanged without bash).</summary>
    public static (string Program, IReadOnlyList<string> Args, bool Launched) Wrap(Workspace workspace, string program, IReadOnlyList<string> args)
    {
        if (Bash.Value is not { } bash) return (program, args, false);
        var file = Path.Combine(workspace.State, "launcher.sh");
        if (!File.Exists(file) || File.ReadAllText(file) != Script) AtomicFile.WriteAllText(file, Script);
        return (bash, [file, program, .. args], true);
    }
}
