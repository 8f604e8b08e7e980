using MriTransfer.Reporting.Plots;
using ScottPlot;

namespace MriTransfer.Tests.Reporting.Plots;

public class PlotTextTests
{
    private static readonly LabelStyle Bold16 = new() { Bold = true, FontSize = 16 };

    [Fact]
    public void Given_a_title_wider_than_its_width_when_fitted_then_it_wraps_at_spaces_and_every_line_fits_as_skia_measures_it()
    {
        const string title = "Balanced accuracy on BT test (95% bootstrap CI)";

        var fitted = PlotText.Fit(Bold16, title, maxWidth: 200);

        Assert.True(fitted.Lines.Count > 1);
        Assert.Equal(title, string.Join(" ", fitted.Lines));
        Assert.All(fitted.Lines, line => Assert.True(SkiaText.LineWidth(Bold16, line, fitted.FontSize) <= 200, $"'{line}' is wider than 200 px"));
    }

    [Fact]
    public void Given_a_text_that_fits_when_fitted_then_it_is_unchanged_at_the_styles_size()
    {
        var fitted = PlotText.Fit(Bold16, "head: training curves", maxWidth: 1000);

        Assert.Equal(new FittedText("head: training curves", 16), fitted);
    }

    [Fact]
    public void Given_a_variant_name_joined_by_underscores_when_it_must_wrap_then_it_breaks_after_an_underscore()
    {
        var width = SkiaText.LineWidth(Bold16, "imagenet_") + 1;

        var fitted = PlotText.Fit(Bold16, "imagenet_finetune", width, maxLines: 2, minFontSize: 16);

        Assert.Equal(["imagenet_", "finetune"], fitted.Lines);
    }

    [Fact]
    public void Given_one_word_wider_than_the_width_when_fitted_then_the_font_shrinks_until_it_fits()
    {
        var width = SkiaText.LineWidth(Bold16, "craniopharyngioma") * 0.7f;

        var fitted = PlotText.Fit(Bold16, "craniopharyngioma", width, maxLines: 3, minFontSize: 7);

        Assert.Equal(["craniopharyngioma"], fitted.Lines);
        Assert.True(fitted.FontSize < 16);
        Assert.True(SkiaText.LineWidth(Bold16, "craniopharyngioma", fitted.FontSize) <= width);
    }

    [Fact]
    public void Given_a_word_too_wide_even_at_the_smallest_size_when_fitted_then_it_is_broken_into_pieces_that_each_fit()
    {
        var fitted = PlotText.Fit(Bold16, "craniopharyngioma", maxWidth: 30, maxLines: 3, minFontSize: 7);

        Assert.Equal(7, fitted.FontSize);
        Assert.Equal("craniopharyngioma", string.Concat(fitted.Lines));
        Assert.All(fitted.Lines, line => Assert.True(SkiaText.LineWidth(Bold16, line, 7) <= 30, $"'{line}' is wider than 30 px"));
    }

    [Fact]
    public void Given_a_text_when_split_into_break_pieces_then_separators_stay_at_the_end_of_their_piece()
    {
        Assert.Equal(["imagenet_", "finetune: ", "one-", "vs-", "rest ", "ROC"], PlotText.Pieces("imagenet_finetune: one-vs-rest ROC"));
    }
}
