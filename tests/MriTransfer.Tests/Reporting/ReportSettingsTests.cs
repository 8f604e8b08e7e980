using MriTransfer.Reporting;

namespace MriTransfer.Tests.Reporting;

public class ReportSettingsTests
{
    [Fact]
    public void Given_the_defaults_when_settings_are_built_then_they_are_valid() =>
        Assert.Equal("finetune", new ReportSettings().HeadlineVariant);

    [Fact]
    public void Given_a_tiny_plot_width_when_settings_are_built_then_the_message_names_the_key_and_range() =>
        Assert.Contains("report.plot_width: expected an integer from 300 to 4000", Assert.Throws<ReportInputException>(() => new ReportSettings(plotWidth: 10)).Message);

    [Fact]
    public void Given_a_huge_plot_height_when_settings_are_built_then_the_message_names_the_key_and_range() =>
        Assert.Contains("report.plot_height: expected an integer from 200 to 3000", Assert.Throws<ReportInputException>(() => new ReportSettings(plotHeight: 9000)).Message);

    [Fact]
    public void Given_a_headline_variant_with_spaces_when_settings_are_built_then_the_message_names_the_key() =>
        Assert.Contains("report.headline_variant", Assert.Throws<ReportInputException>(() => new ReportSettings(headlineVariant: "fine tune")).Message);
}
