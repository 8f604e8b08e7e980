using MriTransfer.Cohorts;
using MriTransfer.Tests.Imaging;

namespace MriTransfer.Tests.Cohorts;

public sealed class ClassFolderDiscoveryTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private void Touch(string relative)
    {
        var path = _temp.File(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [1, 2, 3]);
    }

    [Fact]
    public void Given_class_folders_When_discovered_Then_each_image_is_a_subject_labelled_by_its_folder()
    {
        Touch("glioma/g1.jpg");
        Touch("glioma/g2.png");
        Touch("notumor/n1.jpg");
        Touch("notumor/readme.txt");
        Touch("notumor/.hidden.jpg");

        var subjects = ClassFolderDiscovery.Discover(_temp.Path);

        Assert.Equal(["glioma-g1", "glioma-g2", "notumor-n1"], subjects.Select(s => s.SubjectId));
        Assert.Equal(["glioma", "glioma", "notumor"], subjects.Select(s => s.Label));
        Assert.All(subjects, s => Assert.Null(s.PredefinedSplit));
    }

    [Fact]
    public void Given_Training_and_Testing_folders_When_discovered_Then_their_split_is_kept()
    {
        Touch("Training/glioma/a.jpg");
        Touch("Testing/glioma/a.jpg");
        Touch("Testing/meningioma/b.jpg");

        var subjects = ClassFolderDiscovery.Discover(_temp.Path);

        Assert.Equal([("test-glioma-a", "test"), ("test-meningioma-b", "test"), ("train-glioma-a", "train")],
            subjects.Select(s => (s.SubjectId, s.PredefinedSplit!)).Order());
    }

    [Fact]
    public void Given_a_folder_with_a_manifest_When_opened_as_a_cohort_source_Then_the_manifest_wins()
    {
        Touch("glioma/g1.jpg");
        File.WriteAllText(_temp.File("manifest.csv"), "subject_id,path,label\nx,glioma/g1.jpg,tumour\n");

        var subject = Assert.Single(CohortSource.Load(_temp.Path));

        Assert.Equal("tumour", subject.Label);
    }

    [Fact]
    public void Given_a_folder_without_images_When_discovered_Then_the_error_explains_the_expected_layout()
    {
        Touch("notes/readme.txt");

        var e = Assert.Throws<CohortManifestException>(() => ClassFolderDiscovery.Discover(_temp.Path));

        Assert.Contains("no images found", e.Message);
        Assert.Contains("root/<class>/", e.Message);
    }

    private void BratsCase(string classFolder, string id)
    {
        foreach (var modality in new[] { "t1", "t1ce", "t2", "flair", "seg" }) Touch($"{classFolder}/{id}/{id}_{modality}.nii.gz");
    }

    [Fact]
    public void Given_BraTS_case_folders_and_a_modality_suffix_When_discovered_Then_each_case_is_one_subject_and_its_own_patient()
    {
        BratsCase("HGG", "BraTS19_2013_2_1");
        BratsCase("HGG", "BraTS19_CBICA_AAB_1");
        BratsCase("LGG", "BraTS19_2013_0_1");

        var subjects = ClassFolderDiscovery.Discover(_temp.Path, new CohortDiscoveryOptions { ModalitySuffix = "_t1ce" });

        Assert.Equal([("HGG-BraTS19_2013_2_1-BraTS19_2013_2_1_t1ce", "HGG", "BraTS19_2013_2_1"),
                      ("HGG-BraTS19_CBICA_AAB_1-BraTS19_CBICA_AAB_1_t1ce", "HGG", "BraTS19_CBICA_AAB_1"),
                      ("LGG-BraTS19_2013_0_1-BraTS19_2013_0_1_t1ce", "LGG", "BraTS19_2013_0_1")],
            subjects.Select(s => (s.SubjectId, s.Label, s.PatientId)));
        Assert.All(subjects, s => Assert.EndsWith("_t1ce.nii.gz", s.Path));
    }

    [Fact]
    public void Given_BraTS_case_folders_without_a_modality_suffix_When_discovered_Then_the_error_names_the_params_key()
    {
        BratsCase("HGG", "BraTS19_2013_2_1");

        var e = Assert.Throws<CohortManifestException>(() => CohortSource.Load(_temp.Path));

        Assert.Contains("several modality files of one case", Assert.Single(e.Problems));
        Assert.Contains("set preprocess.modality_suffix to the one modality to read, e.g. _t1ce", e.Problems[0]);
    }

    [Fact]
    public void Given_a_modality_suffix_no_file_has_When_discovered_Then_the_error_says_so()
    {
        BratsCase("HGG", "BraTS19_2013_2_1");

        var e = Assert.Throws<CohortManifestException>(() => ClassFolderDiscovery.Discover(_temp.Path, new CohortDiscoveryOptions { ModalitySuffix = "_dwi" }));

        Assert.Contains("no images found whose name ends in _dwi (preprocess.modality_suffix)", e.Message);
    }
}
