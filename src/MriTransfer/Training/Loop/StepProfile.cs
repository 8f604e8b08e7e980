using System.Diagnostics;
using System.Globalization;

namespace MriTransfer.Training.Loop;

/// <summary>The parts of a training epoch that <see cref="StepProfile"/> times.</summary>
public enum Phase { Data, Forward, Backward, Optimizer, Evaluation, Checkpoint }

/// <summary>
/// Where an epoch's wall time went, by <see cref="Phase"/>, with the samples and floating-point work done in training
/// steps and in evaluation. Steps call <see cref="Mark"/> then <see cref="Lap"/> after each phase (libtorch on the CPU
/// runs each op to completion before returning, so a lap is the phase's own time). Kept out of every output: it goes to
/// the stage's log only.
/// </summary>
public sealed class StepProfile
{
    private readonly long[] _ticks = new long[Enum.GetValues<Phase>().Length];
    private long _mark = Stopwatch.GetTimestamp();

    public int Steps { get; private set; }
    public long TrainSamples { get; private set; }
    public long EvalSamples { get; private set; }
    /// <summary>Floating-point operations of the training steps (forward + backward, see <see cref="Models.FlopCount"/>).</summary>
    public double TrainFlops { get; private set; }
    public double EvalFlops { get; private set; }

    public void Mark() => _mark = Stopwatch.GetTimestamp();

    /// <summary>Adds the time since the last mark or lap to <paramref name="phase"/>.</summary>
    public void Lap(Phase phase)
    {
        var now = Stopwatch.GetTimestamp();
        _ticks[(int)phase] += now - _mark;
        _mark = now;
    }

    public void Step(int samples, double flops)
    {
        Steps++;
        TrainSamples += samples;
        TrainFlops += flops;
    }

    public void Evaluated(int samples, double flops)
    {
        EvalSamples += samples;
        EvalFlops += flops;
    }

    public double Seconds(Phase phase) => (double)_ticks[(int)phase] / Stopwatch.Frequency;

    /// <summary>Data + forward + backward + optimizer: the training steps' time.</summary>
    public double StepSeconds => Seconds(Phase.Data) + Seconds(Phase.Forward) + Seconds(Phase.Backward) + Seconds(Phase.Optimizer);

    public double TotalSeconds => _ticks.Sum() / (double)Stopwatch.Frequency;

    public void Add(StepProfile other)
    {
        for (var i = 0; i < _ticks.Length; i++) _ticks[i] += other._ticks[i];
        Steps += other.Steps;
        TrainSamples += other.TrainSamples;
        EvalSamples += other.EvalSamples;
        TrainFlops += other.TrainFlops;
        EvalFlops += other.EvalFlops;
    }

    /// <summary>
    /// One log line: seconds per phase (and its share), steps, training samples/s, and achieved GFLOP/s with the
    /// fraction of <paramref name="peak"/> for the training steps and for the whole (steps + evaluation).
    /// </summary>
    public string Describe(ComputePeak peak)
    {
        var total = Math.Max(TotalSeconds, 1e-9);
        var phases = string.Join(", ", Enum.GetValues<Phase>().Select(p =>
            string.Create(CultureInfo.InvariantCulture, $"{p.ToString().ToLowerInvariant()} {Seconds(p):F2} s ({100 * Seconds(p) / total:F0} %)")));
        var stepSeconds = Math.Max(StepSeconds, 1e-9);
        var stepRate = TrainFlops / stepSeconds / 1e9;
        var allRate = (TrainFlops + EvalFlops) / Math.Max(StepSeconds + Seconds(Phase.Evaluation), 1e-9) / 1e9;
        return string.Create(CultureInfo.InvariantCulture,
            $"{phases}; {Steps} steps, {TrainSamples / stepSeconds:F1} samples/s in training steps; " +
            $"training {stepRate:F2} GFLOP/s = {100 * stepRate / peak.Gflops:F1} % of peak, " +
            $"training + evaluation {allRate:F2} GFLOP/s = {100 * allRate / peak.Gflops:F1} % of peak {peak.Describe()}");
    }
}
