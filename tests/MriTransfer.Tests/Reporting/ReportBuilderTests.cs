using System.Text.RegularExpressions;
using MriTransfer.Reporting;

namespace MriTransfer.Tests.Reporting;

public class ReportBuilderTests
{
    [Fact]
    public void Given_complete_inputs_when_the_report_is_built_then_every_expected_figure_is_written_as_a_png()
    {
        using var data = new SyntheticReportInputs();
        var output = data.NewOutputDir();

        var doc = ReportBuilder.Run(SyntheticReportInputs.Settings, data.Inputs, SyntheticReportInputs.Machine, output, _ => { });

        // balanced accuracy, learning curve, 3 confusion matrices, 3 ROC, 2 histories, reconstructions
        string[] expected =
        [
            "balanced_accuracy.png", "learning_curve.png", "confusion_scratch.png", "confusion_head.png", "confusion_finetune.png",
            "roc_scratch.png", "roc_head.png", "roc_finetune.png", "history_FineTune.png", "history_Pretrain.png", "reconstructions.png",
        ];
        Assert.Equal(expected.Order(), doc.Figures.Select(f => f.FileName).Order());
        Assert.All(expected, f => Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Path.Combine(output, "plots", f)).Take(4)));
    }

    [Fact]
    public void Given_complete_inputs_when_the_html_is_written_then_it_embeds_every_figure_as_a_data_uri_and_loads_nothing_external()
    {
        using var data = new SyntheticReportInputs();
        var output = data.NewOutputDir();

        var doc = ReportBuilder.Run(SyntheticReportInputs.Settings, data.Inputs, SyntheticReportInputs.Machine, output, _ => { });
        var html = File.ReadAllText(Path.Combine(output, "report.html"));

        Assert.Equal(doc.Figures.Count(), Regex.Matches(html, "<img [^>]*src=\"data:image/png;base64,").Count);
        Assert.DoesNotMatch("(src|href)=\"(http|//|plots/)", html);
    }

    [Fact]
    public void Given_complete_inputs_when_the_report_is_built_then_it_opens_with_the_answer_and_shows_params_lock_and_machine()
    {
        using var data = new SyntheticReportInputs();
        var output = data.NewOutputDir();

        ReportBuilder.Run(SyntheticReportInputs.Settings, data.Inputs, SyntheticReportInputs.Machine, output, _ => { });
        var md = File.ReadAllText(Path.Combine(output, "report.md"));

        var firstParagraph = md.Split("\n\n")[2];
        Assert.StartsWith("**On this data, fine-tuning the AD-pretrained encoder", firstParagraph);
        Assert.Contains($"sha256 {ReportBuilder.ShortHash(data.Inputs.LockFile!)}", md);
        Assert.Contains("bootstrap_resamples: 200", md);
        Assert.Contains("2 cores, Test OS", md);
        Assert.Contains("0.0.0", md);
        Assert.Contains("| CPU | Test CPU, AVX2 |", md);
        Assert.Contains("| libtorch kernels | pinned to AVX2 (test) |", md);
        Assert.Contains("Missing variants (not given to Evaluate, so not in this report): imagenet_head, imagenet_finetune.", md);
    }

    [Fact]
    public void Given_a_history_folder_without_history_csv_when_the_report_is_built_then_the_error_names_the_missing_file()
    {
        using var data = new SyntheticReportInputs();
        var empty = data.NewOutputDir();
        var inputs = data.Inputs with { HistoryDirs = new Dictionary<string, string> { ["TrainHead"] = empty } };

        var e = Assert.Throws<ReportInputException>(() =>
            ReportBuilder.Run(SyntheticReportInputs.Settings, inputs, SyntheticReportInputs.Machine, data.NewOutputDir(), _ => { }));

        Assert.Contains(Path.Combine(empty, "history.csv"), e.Message);
        Assert.Contains("TrainHead", e.Message);
    }

    [Fact]
    public void Given_an_evaluate_folder_without_metrics_when_the_report_is_built_then_the_error_names_metrics_json()
    {
        using var data = new SyntheticReportInputs();
        var inputs = data.Inputs with { EvaluateDir = data.NewOutputDir() };

        var e = Assert.Throws<ReportInputException>(() =>
            ReportBuilder.Run(SyntheticReportInputs.Settings, inputs, SyntheticReportInputs.Machine, data.NewOutputDir(), _ => { }));

        Assert.Contains("metrics.json: missing", e.Message);
    }

    [Fact]
    public void Given_no_learning_curve_input_when_the_report_is_built_then_it_has_no_learning_curve_figure_and_still_renders()
    {
        using var data = new SyntheticReportInputs();
        var output = data.NewOutputDir();

        var doc = ReportBuilder.Run(SyntheticReportInputs.Settings, data.Inputs with { LearningCurveDir = null, LockFile = null },
            SyntheticReportInputs.Machine, output, _ => { });

        Assert.DoesNotContain(doc.Figures, f => f.FileName == "learning_curve.png");
        Assert.Contains("| pipeline.lock | not given |", File.ReadAllText(Path.Combine(output, "report.md")));
    }
}
