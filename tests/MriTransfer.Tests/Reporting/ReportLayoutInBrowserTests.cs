using MriTransfer.Reporting;

namespace MriTransfer.Tests.Reporting;

/// <summary>The report as a reader sees it: rendered by headless Chromium, nothing on the page or in a figure is cut off.</summary>
public class ReportLayoutInBrowserTests
{
    [Theory]
    [InlineData(900, 550, 1280)] // report.plot_width/height defaults, a desktop window
    [InlineData(300, 200, 500)] // the smallest plots allowed, the narrowest window headless Chromium opens
    public void Given_a_report_at_a_plot_size_when_rendered_in_headless_chromium_then_no_text_or_figure_is_cut_off(int plotWidth, int plotHeight, int window)
    {
        using var data = new SyntheticReportInputs();
        var output = data.NewOutputDir();
        ReportBuilder.Run(TestSettings.Report with { PlotWidth = plotWidth, PlotHeight = plotHeight }, data.Inputs, SyntheticReportInputs.Machine, output, _ => { });

        var problems = HeadlessChromium.LayoutProblems(Path.Combine(output, "report.html"), window);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Given_a_page_with_text_wider_than_its_box_and_a_figure_cut_at_its_edge_when_checked_then_both_are_reported()
    {
        // Guards the check itself: it must see overflowing text and ink on a figure's edge (a black 4×4 PNG).
        var page = Path.Combine(Path.GetTempPath(), $"overflow-{Guid.NewGuid():N}.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><body>" +
            "<p style=\"width:50px;overflow:hidden;white-space:nowrap\">a sentence much wider than fifty pixels</p>" +
            "<img alt=\"black\" src=\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAQAAAAEAQAAAACBiqPTAAAAC0lEQVR4nGNggAAAAAgAAbdYc5UAAAAASUVORK5CYII=\">" +
            "</body></html>");
        try
        {
            var problems = HeadlessChromium.LayoutProblems(page, 800);

            Assert.Contains(problems, p => p.StartsWith("p \"a sentence") && p.Contains("in a 50 px box"));
            Assert.Contains(problems, p => p.StartsWith("img \"black\"") && p.Contains("left edge"));
        }
        finally { File.Delete(page); }
    }
}
