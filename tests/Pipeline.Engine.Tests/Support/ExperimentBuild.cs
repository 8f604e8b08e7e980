using System.Diagnostics;

namespace Pipeline.Engine.Tests.Support;

/// <summary>
/// The toy pipeline with a headline metric: Train writes metrics.json with variants a (accuracy 0.5 + train.lr) and b
/// (always 0.7), each with an interval; Experiments shows variants.*.acc. Raw → Prepare → Train, raw → Other.
/// </summary>
public class ExperimentBuild
{
    static readonly ParamSpec[] Schema = ToyBuild.Schema;

    static readonly HeadlineMetric[] Headlines = [HeadlineMetric.Json("metrics/Train/metrics.json", "variants.*.acc", ci: "variants.*.acc_ci", label: "* acc")];

    Stage Prepare => _ => _
        .Command("bash", "stages/prepare.sh").Code("stages/prepare.sh")
        .Input("raw", "data/raw")
        .Params("prep")
        .Outputs("clean.txt");

    Stage Train => _ => _
        .Command("bash", "stages/train.sh").Code("stages/train.sh")
        .Input("clean", Prepare)
        .Params("train.lr", "train.seed")
        .Outputs("model.txt")
        .Metrics("metrics.json");

    Stage Other => _ => _
        .Command("bash", "stages/other.sh").Code("stages/other.sh")
        .Input("raw", "data/raw")
        .Params("other.name")
        .Outputs("other.txt");

    /// <summary>Not in All: hands on the provenance file it is given (ProvenanceTests).</summary>
    Stage Report => _ => _
        .Command("bash", "stages/report.sh").Code("stages/report.sh")
        .Input("train", Train)
        .Outputs("provenance.json")
        .Provenance();

    /// <summary>Not in All: reads the runs file --compare writes.</summary>
    Stage Compare => _ => _
        .Command("bash", "stages/compare.sh").Code("stages/compare.sh")
        .Input("runs", ".pipeline/compare/runs.json")
        .Outputs("runs.json");

    Target All => _ => _.DependsOn(Train, Other);

    public const string TrainScript = """
        cat "${IN[clean]}/clean.txt" "$P" > "$O/model.txt"
        lr=$(grep 'lr:' "$P" | awk '{print $2}')
        a=$(awk -v x="$lr" 'BEGIN { printf "%.3f", 0.5 + x }')
        echo "{\"variants\": {\"a\": {\"acc\": $a, \"acc_ci\": [0.4, 0.6]}, \"b\": {\"acc\": 0.7, \"acc_ci\": [0.6, 0.8]}}}" > "$O/metrics.json"
        """;

    public const string ReportScript = """cp "$PIPELINE_PROVENANCE" "$O/provenance.json" """;

    /// <summary>The params file the experiment tests commit: comments and layout that apply must keep.</summary>
    public const string Params = """
        # the toy pipeline's params
        prep:
          factor: 2          # how much
        train:
          lr: 0.001          # Adam's step
          seed: 1
          label_fraction: 1.0

        other: { name: hello }
        curve:
          fractions: [0.25, 0.5]
        """;

    /// <summary>A toy workspace for experiments, its params file committed to a fresh git repository when <paramref name="git"/>.</summary>
    public static TempWorkspace Workspace(bool git = true)
    {
        var ws = new TempWorkspace().WithToyPipeline().WithScript("train", TrainScript).WithScript("report", ReportScript).WithScript("compare", """cp "${IN[runs]}" "$O/runs.json" """).Write("params.yaml", Params);
        if (!git) return ws;
        Git(ws, "init", "-q");
        Git(ws, "add", "params.yaml");
        Git(ws, "commit", "-q", "-m", "baseline");
        return ws;
    }

    public static void Git(TempWorkspace ws, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = ws.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false" }.Concat(args)) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)}: {stderr.Result}");
    }
}
