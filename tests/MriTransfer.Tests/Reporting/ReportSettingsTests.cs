using MriTransfer.Reporting;

namespace MriTransfer.Tests.Reporting;

/// <summary>What the report settings check beyond the schema in build/ (which holds every range).</summary>
public class ReportSettingsTests
{
    [Fact]
    public void Given_the_test_settings_when_validated_then_they_pass() => TestSettings.Report.Validate();

    [Fact]
    public void Given_a_headline_variant_with_spaces_when_validated_then_the_message_names_the_key() =>
        Assert.Contains("report.headline_variant: 'fine tune' is not a valid variant name",
            Assert.Throws<ReportInputException>((TestSettings.Report with { HeadlineVariant = "fine tune" }).Validate).Message);
}
