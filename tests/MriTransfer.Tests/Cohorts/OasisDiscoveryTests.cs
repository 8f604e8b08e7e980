using MriTransfer.Cohorts;
using MriTransfer.Tests.Imaging;

namespace MriTransfer.Tests.Cohorts;

/// <summary>The OASIS-1 download layout (disc folders, session folders, Analyze pairs written by the test) with its CSV.</summary>
public sealed class OasisDiscoveryTests : IDisposable
{
    private const string Csv = "ID,M/F,Hand,Age,Educ,SES,MMSE,CDR,eTIV,nWBV,ASF,Delay\n" +
                               "OAS1_0001_MR1,F,R,74,2,3,29,0,1344,0.743,1.306,N/A\n" +
                               "OAS1_0002_MR1,F,R,55,4,1,29,0.5,1147,0.81,1.531,N/A\n" +
                               "OAS1_0002_MR2,F,R,55,4,1,29,0.5,1147,0.81,1.531,23\n" +
                               "OAS1_0003_MR1,M,R,23,,,,,1678,0.862,1.046,N/A\n" +
                               "OAS1_0004_MR1,M,R,80,3,2,20,1,1500,0.70,1.17,N/A\n";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private void AnalyzePair(string relative)
    {
        var path = _temp.File(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var builder = new RawNiftiBuilder { Magic = "\0\0\0\0", Dim = [3, 4, 4, 4, 1, 1, 1, 1], DataType = 4, BitPix = 16 };
        builder.Voxels = builder.Encode(4, Enumerable.Range(0, 64).Select(i => (double)i).ToArray());
        builder.WritePair(path);
    }

    private void WriteLayout(string csv = Csv)
    {
        AnalyzePair("disc1/OAS1_0001_MR1/PROCESSED/MPRAGE/T88_111/OAS1_0001_MR1_mpr_n4_anon_111_t88_masked_gfc.hdr");
        AnalyzePair("disc1/OAS1_0001_MR1/RAW/OAS1_0001_MR1_mpr-1_anon.hdr");
        AnalyzePair("disc1/OAS1_0002_MR1/RAW/OAS1_0002_MR1_mpr-2_anon.hdr");
        AnalyzePair("disc1/OAS1_0002_MR1/RAW/OAS1_0002_MR1_mpr-1_anon.hdr");
        AnalyzePair("disc2/OAS1_0002_MR2/RAW/OAS1_0002_MR2_mpr-1_anon.hdr");
        AnalyzePair("disc2/OAS1_0003_MR1/RAW/OAS1_0003_MR1_mpr-1_anon.hdr");
        AnalyzePair("disc2/OAS1_0004_MR1/PROCESSED/MPRAGE/T88_111/OAS1_0004_MR1_mpr_n3_anon_111_t88_masked_gfc.hdr");
        File.WriteAllText(_temp.File("oasis_cross-sectional.csv"), csv);
    }

    [Fact]
    public void Given_the_OASIS_1_layout_and_its_CSV_When_loaded_Then_CDR_gives_the_label_and_repeat_sessions_share_a_patient()
    {
        WriteLayout();

        var subjects = CohortSource.LoadValidated(_temp.Path, new CohortValidationOptions());

        Assert.Equal([("OAS1_0001_MR1", "CN", "OAS1_0001"), ("OAS1_0002_MR1", "MCI", "OAS1_0002"), ("OAS1_0002_MR2", "MCI", "OAS1_0002"), ("OAS1_0004_MR1", "AD", "OAS1_0004")],
            subjects.Select(s => (s.SubjectId, s.Label, s.PatientId)));
        Assert.EndsWith("_t88_masked_gfc.hdr", subjects[0].Path); // processed image preferred over RAW
        Assert.EndsWith("OAS1_0002_MR1_mpr-1_anon.hdr", subjects[1].Path); // else the first raw scan
        Assert.Equal((74.0, "F"), (subjects[0].Age!.Value, subjects[0].Sex!));
    }

    [Fact]
    public void Given_a_session_missing_from_the_CSV_When_loaded_Then_the_problem_names_it()
    {
        WriteLayout(Csv.Replace("OAS1_0004_MR1,M,R,80,3,2,20,1,1500,0.70,1.17,N/A\n", ""));

        var e = Assert.Throws<CohortManifestException>(() => CohortSource.Load(_temp.Path));

        Assert.StartsWith("session OAS1_0004_MR1 (", Assert.Single(e.Problems));
    }

    [Fact]
    public void Given_the_OASIS_layout_without_its_CSV_When_loaded_Then_the_error_says_where_to_put_it()
    {
        WriteLayout();
        File.Delete(_temp.File("oasis_cross-sectional.csv"));

        var e = Assert.Throws<CohortManifestException>(() => CohortSource.Load(_temp.Path));

        Assert.Contains("put the set's oasis_cross-sectional.csv in this folder", Assert.Single(e.Problems));
    }
}
