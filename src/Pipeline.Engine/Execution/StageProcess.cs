using System.Diagnostics;

namespace Pipeline.Engine.Execution;

/// <summary>Runs one stage process: `::progress` lines go to the live view, every other line to the stage log.</summary>
internal static class StageProcess
{
    public static int Run(string program, IReadOnlyList<string> args, string workingDir, string stageId, string logFile,
        IReadOnlyDictionary<string, string> environment, Action<string> progress, CancellationToken cancel)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        using var log = new StreamWriter(logFile, append: false) { AutoFlush = true };
        log.WriteLine($"$ {program} {string.Join(' ', args)}");
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["PIPELINE_STAGE"] = stageId;
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = new Process { StartInfo = start };
        var gate = new object();
        void OnLine(string? line, bool stdout)
        {
            if (line is null) return;
            if (stdout && line.StartsWith("::progress ", StringComparison.Ordinal)) { progress(line["::progress ".Length..].Trim()); return; }
            lock (gate) log.WriteLine(line);
        }
        process.OutputDataReceived += (_, e) => OnLine(e.Data, true);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data, false);
        try { process.Start(); }
        catch (System.ComponentModel.Win32Exception e)
        {
            log.WriteLine($"cannot start {program}: {e.Message}");
            return 127;
        }
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
