using MriTransfer.Evaluation;
using MriTransfer.Imaging;
using MriTransfer.Reporting;
using MriTransfer.Tests.Evaluation;

namespace MriTransfer.Tests.Reporting;

/// <summary>A complete, tiny set of Report inputs: a real Evaluate output (fake classifiers), two history.csv files, a learning curve, params and lock.</summary>
public sealed class SyntheticReportInputs : IDisposable
{
    private readonly SyntheticEvaluation _data = new();

    public SyntheticReportInputs()
    {
        var evaluateDir = _data.NewOutputDir();
        var variants = new Dictionary<string, Func<Volume, float[]>>
        {
            ["scratch"] = SyntheticEvaluation.WrongEvery(3),
            ["head"] = SyntheticEvaluation.Constant,
            ["finetune"] = SyntheticEvaluation.WrongEvery(7),
        };
        Evaluator.Run(TestSettings.Evaluate with { BootstrapResamples = 200, Seed = 1, ProbeIterations = 50, ReconstructionExamples = 2 },
            _data.Inputs(variants.Keys), _data.Services(variants), evaluateDir, _ => { });

        var pretrain = Dir("Pretrain");
        File.WriteAllText(Path.Combine(pretrain, "history.csv"),
            "epoch,train_loss,val_loss,lr\n1,0.9,0.95,0.001\n2,0.6,0.7,0.001\n3,0.5,0.62,0.0005\n");
        var finetune = Dir("FineTune");
        File.WriteAllText(Path.Combine(finetune, "history.csv"),
            "epoch,train_loss,val_loss,val_balanced_accuracy,lr\n1,1.1,1.0,0.4,0.001\n2,0.8,0.85,0.55,0.001\n3,0.6,0.8,0.6,0.001\n");
        var learningCurve = Dir("LearningCurveSummary");
        var cells = new[] { ("finetune", 0.25, 1, 0.5), ("finetune", 0.25, 2, 0.6), ("finetune", 1.0, 1, 0.8), ("finetune", 1.0, 2, 0.7),
            ("scratch", 0.25, 1, 0.4), ("scratch", 0.25, 2, 0.45), ("scratch", 1.0, 1, 0.65), ("scratch", 1.0, 2, 0.6) }
            .Select(c => new LearningCurveCellResult(new LearningCurveCell(c.Item1, c.Item2, c.Item3), 12, c.Item4, c.Item4)).ToList();
        LearningCurve.Write(learningCurve, cells, LearningCurve.Aggregate(cells));
        var paramsFile = Path.Combine(_data.Root, "params.yaml");
        File.WriteAllText(paramsFile, "evaluate:\n  bootstrap_resamples: 200\nreport:\n  plot_width: 600\n");
        var lockFile = Path.Combine(_data.Root, "pipeline.lock");
        File.WriteAllText(lockFile, "stages: {}\n");
        Inputs = new ReportInputs(evaluateDir, new Dictionary<string, string> { ["Pretrain"] = pretrain, ["FineTune"] = finetune },
            learningCurve, paramsFile, lockFile);
    }

    public ReportInputs Inputs { get; }
    public static readonly ReportSettings Settings = TestSettings.Report with { PlotWidth = 500, PlotHeight = 320 };
    public static readonly MachineInfo Machine = new(2, "Test OS", ".NET test", "0.0.0", "Test CPU, AVX2", "pinned to AVX2 (test)");

    public string NewOutputDir() => _data.NewOutputDir();

    private string Dir(string name) => Directory.CreateDirectory(Path.Combine(_data.Root, name)).FullName;

    public void Dispose() => _data.Dispose();
}
