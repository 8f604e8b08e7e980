using MriTransfer.Reporting.Plots;
using ScottPlot;
using ScottPlot.Plottables;

namespace MriTransfer.Tests.Reporting.Plots;

/// <summary>Balanced-accuracy axes run from exactly 0 to 1 whatever the data, with the chance level drawn and named.</summary>
public sealed class AccuracyAxisTests : IDisposable
{
    private static readonly PlotSize Size = new(500, 320);
    private readonly string _dir = Directory.CreateTempSubdirectory("mt-accuracy-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Given_a_poor_run_when_balanced_accuracy_is_plotted_then_its_axis_is_exactly_zero_to_one()
    {
        var figure = BalancedAccuracyPlot.Build(StressFigures.Summaries(balancedAccuracy: 0.0), classes: 4, ciLevel: 0.95, Size);

        figure.RenderPng();

        AssertZeroToOne(figure.Plot.Axes.Left);
    }

    [Fact]
    public void Given_means_whose_sd_reaches_below_zero_when_the_learning_curve_is_plotted_then_its_axis_is_exactly_zero_to_one_and_the_bars_stop_at_zero()
    {
        var figure = LearningCurvePlot.Build(StressFigures.Curve(sd: 0.5), classes: 4, Size);

        figure.RenderPng();

        AssertZeroToOne(figure.Plot.Axes.Left);
        foreach (var bars in figure.Plot.GetPlottables<ErrorBar>())
            for (var i = 0; i < bars.Ys.Count; i++)
            {
                Assert.True(bars.Ys[i] - bars.YErrorNegative![i] >= 0, $"an error bar reaches {bars.Ys[i] - bars.YErrorNegative[i]}");
                Assert.True(bars.Ys[i] + bars.YErrorPositive![i] <= 1, $"an error bar reaches {bars.Ys[i] + bars.YErrorPositive[i]}");
            }
    }

    [Fact]
    public void Given_a_history_with_validation_balanced_accuracy_when_plotted_then_the_right_axis_is_exactly_zero_to_one()
    {
        var figure = TrainingCurvePlot.Build("FineTune", StressFigures.History(_dir), classes: 4, Size);

        figure.RenderPng();

        AssertZeroToOne(figure.Plot.Axes.Right);
    }

    [Theory]
    [InlineData(2, "0.5")]
    [InlineData(4, "0.25")]
    [InlineData(3, "0.333")]
    public void Given_a_number_of_classes_when_an_accuracy_plot_is_built_then_the_chance_level_one_over_classes_is_drawn_and_named(int classes, string value)
    {
        foreach (var figure in new[]
        {
            BalancedAccuracyPlot.Build(StressFigures.Summaries(), classes, 0.95, Size),
            LearningCurvePlot.Build(StressFigures.Curve(), classes, Size),
            TrainingCurvePlot.Build("FineTune", StressFigures.History(_dir), classes, Size),
        })
        {
            var chance = Assert.Single(figure.Plot.GetPlottables<HorizontalLine>());

            Assert.Equal(1.0 / classes, chance.Y, 12);
            Assert.StartsWith($"chance: 1/{classes} classes = {value}", chance.LegendText);
            figure.RenderPng();
            Assert.Contains(figure.Legend!.Items, item => item.LabelText.Replace("\n", " ").StartsWith($"chance: 1/{classes} classes"));
        }
    }

    private static void AssertZeroToOne(IAxis axis)
    {
        Assert.Equal(0, axis.Min);
        Assert.Equal(1, axis.Max);
    }
}
