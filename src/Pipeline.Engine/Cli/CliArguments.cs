using System.Globalization;

namespace Pipeline.Engine.Cli;

/// <summary>The build's command line (Nuke conventions): targets, then options.</summary>
internal sealed record CliArguments
{
    public List<string> Targets { get; } = [];
    public List<string> Sets { get; } = [];
    public HashSet<string> Force { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Skip { get; } = new(StringComparer.Ordinal);
    public string? ParamsFile { get; set; }
    public int Jobs { get; set; } = Environment.ProcessorCount;
    public bool Help { get; set; }
    public bool Plan { get; set; }
    public bool DryRun { get; set; }
    public bool NoRunCache { get; set; }
    public bool Plain { get; set; }
    public bool RepairLock { get; set; }
    public string? Executor { get; set; }
    public string? CacheDir { get; set; }
    public bool Shared { get; set; }
    /// <summary>Gc: also delete what only recorded experiments need.</summary>
    public bool Experiments { get; set; }
    public bool Markdown { get; set; }
    public bool Csv { get; set; }
    /// <summary>Experiments: how many of the latest to list.</summary>
    public int Last { get; set; } = 20;
    /// <summary>--compare ID1,ID2: the experiments a comparison stage reads (through .pipeline/compare/runs.json).</summary>
    public string? Compare { get; set; }

    public static CliArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new CliArguments();
        var problems = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value()
            {
                if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) return args[++i];
                problems.Add($"{arg} needs a value");
                return "";
            }
            switch (arg.ToLowerInvariant())
            {
                case "--help" or "-h" or "/?": parsed.Help = true; break;
                case "--plan": parsed.Plan = true; break;
                case "--dry-run" or "-n": parsed.DryRun = true; break;
                case "--no-run-cache": parsed.NoRunCache = true; break;
                case "--plain": parsed.Plain = true; break;
                case "--repair-lock": parsed.RepairLock = true; break;
                case "--shared": parsed.Shared = true; break;
                case "--experiments": parsed.Experiments = true; break;
                case "--md": parsed.Markdown = true; break;
                case "--csv": parsed.Csv = true; break;
                case "--last":
                    var last = Value();
                    if (int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l > 0) parsed.Last = l;
                    else if (last != "") problems.Add($"--last expects a positive integer, got '{last}'");
                    break;
                case "--cache-dir": parsed.CacheDir = Value(); break;
                case "--compare": parsed.Compare = Value(); break;
                case "--executor":
                    var executor = Value().ToLowerInvariant();
                    if (executor is "local" or "slurm") parsed.Executor = executor;
                    else if (executor != "") problems.Add($"--executor expects local or slurm, got '{executor}'");
                    break;
                case "--force": foreach (var s in Value().Split(',', StringSplitOptions.RemoveEmptyEntries)) parsed.Force.Add(s); break;
                case "--skip": foreach (var s in Value().Split(',', StringSplitOptions.RemoveEmptyEntries)) parsed.Skip.Add(s); break;
                case "--set": parsed.Sets.Add(Value()); break;
                case "--params": parsed.ParamsFile = Value(); break;
                case "--jobs" or "-j":
                    var jobs = Value();
                    if (int.TryParse(jobs, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0) parsed.Jobs = n;
                    else if (jobs != "") problems.Add($"--jobs expects a positive integer, got '{jobs}'");
                    break;
                default:
                    if (arg.StartsWith('-')) problems.Add($"unknown option '{arg}'{EditDistance.Suggest(arg, Options)}; see --help");
                    else parsed.Targets.Add(arg);
                    break;
            }
        }
        if (problems.Count > 0) throw new UsageException(problems);
        return parsed;
    }

    public static readonly string[] Options =
        ["--help", "--plan", "--dry-run", "--force", "--skip", "--set", "--params", "--jobs", "--no-run-cache", "--plain", "--repair-lock", "--executor", "--cache-dir", "--shared",
         "--experiments", "--md", "--csv", "--last", "--compare"];
}
