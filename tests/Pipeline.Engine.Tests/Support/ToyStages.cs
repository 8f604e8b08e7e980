namespace Pipeline.Engine.Tests.Support;

/// <summary>Small bash stages that follow the stage contract and log each run to runs.log in the workspace.</summary>
public static class ToyStages
{
    private const string Header = """
        set -euo pipefail
        declare -A IN
        while [ $# -gt 0 ]; do
          case "$1" in
            --params) P="$2";;
            --output) O="$2";;
            --input) IN["${2%%=*}"]="${2#*=}";;
          esac
          shift 2
        done
        echo "$PIPELINE_STAGE" >> runs.log
        echo "::progress step 1/1"

        """;

    public const string Prepare = """cat "${IN[raw]}"/* "$P" > "$O/clean.txt" """;
    public const string Train = """
        cat "${IN[clean]}/clean.txt" "$P" > "$O/model.txt"
        echo "{\"score\": $(grep -c . "$O/model.txt")}" > "$O/metrics.json"
        """;
    public const string Other = """cat "$P" > "$O/other.txt"; ls "${IN[raw]}" >> "$O/other.txt" """;
    public const string Point = """cat "$P" > "$O/point.txt" """;
    public const string Aggregate = """
        for name in $(printf '%s\n' "${!IN[@]}" | sort); do echo "$name: $(cat "${IN[$name]}/point.txt" | tr '\n' ' ')"; done > "$O/summary.txt"
        """;

    /// <summary>Writes the toy pipeline's scripts, data and params into a workspace.</summary>
    public static TempWorkspace WithToyPipeline(this TempWorkspace ws)
    {
        ws.Write("stages/prepare.sh", Header + Prepare)
          .Write("stages/train.sh", Header + Train)
          .Write("stages/other.sh", Header + Other)
          .Write("stages/point.sh", Header + Point)
          .Write("stages/aggregate.sh", Header + Aggregate)
          .Write("data/raw/a.txt", "alpha\n")
          .Write("data/raw/b.txt", "beta\n")
          .Write("params.yaml", """
            prep:
              factor: 2
            train:
              lr: 0.001
              seed: 1
              label_fraction: 1.0
            other:
              name: hello
            curve:
              fractions: [0.25, 0.5]
            """);
        return ws;
    }

    public static TempWorkspace WithScript(this TempWorkspace ws, string name, string body) => ws.Write($"stages/{name}.sh", Header + body);
}
