using MriTransfer.Cohorts;
using MriTransfer.Imaging;
using MriTransfer.Tests.Imaging;

namespace MriTransfer.Tests.Cohorts;

/// <summary>Reading manifests, and one test per validation problem.</summary>
public sealed class CohortManifestTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Image(string name)
    {
        var path = _temp.File(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        VolumeIO.WriteNifti(Volume.Create(4, 4, 4), path);
        return path;
    }

    private string Manifest(string csv)
    {
        var path = _temp.File("manifest.csv");
        File.WriteAllText(path, csv);
        return path;
    }

    private static readonly CohortValidationOptions Classes = new() { Classes = ["CN", "AD"] };

    [Fact]
    public void Given_a_manifest_with_relative_paths_and_optional_columns_When_loaded_Then_paths_are_absolute_and_fields_parsed()
    {
        Image("img/a.nii.gz");
        var manifest = Manifest("Subject_ID,path,label,patient_id,age,sex,site\ns1,img/a.nii.gz,CN,p1,71.5,F,site-a\n");

        var subject = Assert.Single(CohortManifest.Load(manifest));

        Assert.Equal(new CohortSubject("s1", _temp.File("img/a.nii.gz"), "CN", "p1", 71.5, "F", "site-a"), subject);
    }

    [Fact]
    public void Given_no_patient_id_column_When_loaded_Then_the_patient_is_the_subject()
    {
        var subject = Assert.Single(CohortManifest.Load(Manifest("subject_id,path,label\ns1,a.nii,CN\n")));

        Assert.Equal("s1", subject.PatientId);
    }

    [Fact]
    public void Given_a_missing_required_column_When_loaded_Then_the_error_names_it()
    {
        var e = Assert.Throws<CohortManifestException>(() => CohortManifest.Load(Manifest("subject_id,file,label\ns1,a.nii,CN\n")));

        Assert.Contains("missing column(s) path", e.Message);
    }

    [Fact]
    public void Given_several_malformed_rows_When_loaded_Then_all_are_reported_together_with_their_row_numbers()
    {
        var e = Assert.Throws<CohortManifestException>(() => CohortManifest.Load(Manifest("subject_id,path,label,age\ns1,,CN,70\ns2,b.nii,,70\ns3,c.nii,AD,old\n")));

        Assert.Equal(3, e.Problems.Count);
        Assert.Contains("row 2 (subject s1): path is empty", e.Problems);
        Assert.Contains("row 3 (subject s2): label is empty", e.Problems);
        Assert.Contains("row 4 (subject s3): age 'old' is not a number between 0 and 150", e.Problems);
    }

    [Fact]
    public void Given_a_missing_file_When_validated_Then_the_subject_and_path_are_reported()
    {
        Image("a.nii.gz");
        var manifest = Manifest("subject_id,path,label\ns1,a.nii.gz,CN\ns2,gone.nii.gz,AD\n");

        var e = Assert.Throws<CohortManifestException>(() => CohortManifest.LoadValidated(manifest, Classes));

        Assert.Equal($"subject s2: file {_temp.File("gone.nii.gz")} not found", Assert.Single(e.Problems));
    }

    [Fact]
    public void Given_an_unreadable_image_When_validated_Then_the_reader_problem_is_reported()
    {
        Image("a.nii.gz");
        File.WriteAllText(_temp.File("broken.nii"), "not an image at all, just some text that is long enough to fill a header: " + new string('x', 400));
        var manifest = Manifest("subject_id,path,label\ns1,a.nii.gz,CN\ns2,broken.nii,AD\n");

        var e = Assert.Throws<CohortManifestException>(() => CohortManifest.LoadValidated(manifest, Classes));

        Assert.Contains("subject s2", Assert.Single(e.Problems));
        Assert.Contains("is unreadable: sizeof_hdr", e.Problems[0]);
    }

    [Fact]
    public void Given_one_file_listed_twice_When_validated_Then_the_duplicate_path_is_reported()
    {
        Image("a.nii.gz");
        var manifest = Manifest("subject_id,path,label\ns1,a.nii.gz,CN\ns2,./a.nii.gz,AD\n");

        var e = Assert.Throws<CohortManifestException>(() => CohortManifest.LoadValidated(manifest, Classes));

        Assert.Contains("is listed 2 times (subjects s1, s2)", Assert.Single(e.Problems));
    }

    [Fact]
    public void Given_one_subject_with_two_labels_When_validated_Then_the_conflict_is_reported()
    {
        Image("a.nii.gz");
        Image("b.nii.gz");
        var manifest = Manifest("subject_id,path,label\ns1,a.nii.gz,CN\ns1,b.nii.gz,AD\n");

        var e = Assert.Throws<CohortManifestException>(() => CohortManifest.LoadValidated(manifest, Classes));

        Assert.Equal("subject s1 has 2 labels (CN, AD); a subject must have one label", Assert.Single(e.Problems));
    }

    [Fact]
    public void Given_a_label_outside_the_configured_classes_When_validated_Then_it_is_reported_with_the_class_list()
    {
        Image("a.nii.gz");
        Image("b.nii.gz");
        Image("c.nii.gz");
        var manifest = Manifest("subject_id,path,label\ns1,a.nii.gz,CN\ns2,b.nii.gz,AD\ns3,c.nii.gz,Alzheimer\n");

        var e = Assert.Throws<CohortManifestException>(() => CohortManifest.LoadValidated(manifest, Classes));

        Assert.Equal("label 'Alzheimer' (1 subject(s), e.g. s3) is not one of the configured classes: CN, AD", Assert.Single(e.Problems));
    }

    [Fact]
    public void Given_a_configured_class_without_subjects_When_validated_Then_the_empty_class_is_reported()
    {
        Image("a.nii.gz");
        var manifest = Manifest("subject_id,path,label\ns1,a.nii.gz,CN\n");

        var e = Assert.Throws<CohortManifestException>(() => CohortManifest.LoadValidated(manifest, Classes));

        Assert.Equal("class 'AD' is configured but has no subjects", Assert.Single(e.Problems));
    }

    [Fact]
    public void Given_several_kinds_of_problems_When_validated_Then_all_are_reported_in_one_exception()
    {
        Image("a.nii.gz");
        var manifest = Manifest("subject_id,path,label\ns1,a.nii.gz,CN\ns2,gone.nii.gz,CN\ns3,a.nii.gz,Other\n");

        var e = Assert.Throws<CohortManifestException>(() => CohortManifest.LoadValidated(manifest, Classes));

        Assert.Equal(4, e.Problems.Count); // missing file, duplicate path, unknown label, empty class AD
        Assert.StartsWith(manifest, e.Message);
    }
}
