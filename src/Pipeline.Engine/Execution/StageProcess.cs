using System.Diagnostics;

namespace Pipeline.Engine.Execution;

/// <summary>Runs one stage process (through the <see cref="Launcher"/>, so it dies with the engine): `::progress` lines
/// go to the live view, the launcher's `::pid` line to <paramref name="started"/>, every other line to the stage log.</summary>
internal static class StageProcess
{
    public static int Run(Workspace workspace, string program, IReadOnlyList<string> args, string stageId, string logFile,
        IReadOnlyDictionary<string, string> environment, Action<string> progress, Action<int> started, CancellationToken cancel)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        using var log = new StreamWriter(logFile, append: false) { AutoFlush = true };
        log.WriteLine($"$ {program} {string.Join(' ', args)}");
        var (launched, launchArgs, viaLauncher) = Launcher.Wrap(workspace, program, args);
        var start = new ProcessStartInfo(launched)
        {
            WorkingDirectory = workspace.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // the launcher's watchdog waits for this pipe to close: it closes when the engine exits or dies
            RedirectStandardInput = viaLauncher,
            UseShellExecute = false,
        };
        foreach (var a in launchArgs) start.ArgumentList.Add(a);
        start.Environment["PIPELINE_STAGE"] = stageId;
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = new Process { StartInfo = start };
        var gate = new object();
        var pidSeen = !viaLauncher;
        void OnLine(string? line, bool stdout)
        {
            if (line is null) return;
            if (stdout && !pidSeen && line.StartsWith("::pid ", StringComparison.Ordinal) && int.TryParse(line[6..], out var pid))
            {
                pidSeen = true;
                started(pid);
                return;
            }
            if (stdout && line.StartsWith("::progress ", StringComparison.Ordinal)) { progress(line["::progress ".Length..].Trim()); return; }
            lock (gate) log.WriteLine(line);
        }
        process.OutputDataReceived += (_, e) => OnLine(e.Data, true);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data, false);
        try { process.Start(); }
        catch (System.ComponentModel.Win32Exception e)
        {
            log.WriteLine($"cannot start {launched}: {e.Message}");
            return 127;
        }
        if (!viaLauncher) started(process.Id);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using (cancel.Register(() => { try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } }))
            process.WaitForExit();
        return process.ExitCode;
    }

    public static string Tail(string logFile, int lines = 15)
    {
        if (!File.Exists(logFile)) return "";
        var all = File.ReadAllLines(logFile);
        return string.Join(Environment.NewLine, all.Skip(Math.Max(0, all.Length - lines)).Select(l => "    " + l));
    }
}
