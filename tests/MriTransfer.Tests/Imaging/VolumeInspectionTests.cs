using System.Runtime.CompilerServices;
using MriTransfer.Imaging;
using Snapshooter.Xunit;

namespace MriTransfer.Tests.Imaging;

public sealed class VolumeInspectionTests
{
    private static string Fixture(string name, [CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "fixtures", name);

    [Fact]
    public void Given_a_qform_fixture_When_inspected_Then_the_report_users_read_is_unchanged()
    {
        var inspection = VolumeInspection.Of(Fixture("qform_int16_le.nii"));

        var s = inspection.Statistics;
        Snapshot.Match(inspection with
        {
            File = "qform_int16_le.nii",
            Statistics = s with { Mean = Math.Round(s.Mean, 6), Sd = Math.Round(s.Sd, 6) },
        });
    }
}
