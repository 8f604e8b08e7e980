using System.Globalization;
using System.Text.RegularExpressions;
using System.Text.Json;
using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Imaging;
using MriTransfer.Models.ImageNet;
using MriTransfer.Training.ImageNet;
using MriTransfer.Training.Loop;

namespace MriTransfer.Tests.ImageNet;

/// <summary>ImageNetHead and ImageNetFineTune on a tiny 16³ cohort at 32 px (the smallest the ResNet takes).</summary>
public sealed class ImageNetTrainingTests(TrainedHeadFixture trained) : IClassFixture<TrainedHeadFixture>, IDisposable
{
    private readonly List<string> folders = [];

    private string NewFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), $"imagenet-out-{Guid.NewGuid():N}");
        folders.Add(path);
        return path;
    }

    private static SliceSampling Sampling => TrainedHeadFixture.Sampling;

    private static SliceTrainingSettings Settings(double backboneLr = 0, double fraction = 1.0) => TrainedHeadFixture.Settings(backboneLr, fraction);

    [Fact]
    public void The_head_stage_writes_a_trained_classifier_folder()
    {
        // Given a tiny 3-D cohort, When the frozen-backbone head is trained (once, in the fixture)
        var output = trained.HeadDir;
        var result = trained.Result;

        // Then the folder holds model.json (resnet18-slices), model.pt, history.csv and training.json
        var info = ResNetSliceModelInfo.Read(Path.Combine(output, "model.json"));
        Assert.Equal("resnet18-slices", info.Kind);
        Assert.Equal(TinyCohort.Classes, info.Classes);
        Assert.False(info.BackboneTrained);
        Assert.True(File.Exists(Path.Combine(output, "model.pt")));
        var history = File.ReadAllLines(Path.Combine(output, "history.csv"));
        Assert.Equal("epoch,train_loss,val_loss,val_balanced_accuracy,lr", history[0]);
        Assert.Equal(result.History.Rows.Count + 1, history.Length);
        using var training = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "training.json")));
        Assert.Equal(6, training.RootElement.GetProperty("train_subjects").GetArrayLength());
        Assert.Equal(12, training.RootElement.GetProperty("train_slices").GetInt32());
        // and training.json carries the kept epoch's validation score, the row of history.csv it was chosen by
        var kept = history[training.RootElement.GetProperty("best_epoch").GetInt32()].Split(',');
        Assert.Equal(double.Parse(kept[2], CultureInfo.InvariantCulture), training.RootElement.GetProperty("best_val_loss").GetDouble(), 6);
        Assert.Equal(double.Parse(kept[3], CultureInfo.InvariantCulture), training.RootElement.GetProperty("best_val_balanced_accuracy").GetDouble(), 6);
    }

    [Fact]
    public void A_saved_classifier_loads_and_gives_probabilities_for_a_subject()
    {
        // Given a trained head folder, When it is loaded through the ISubjectClassifier entry point and predicts one subject
        using var classifier = ResNetSliceClassifier.Load(trained.HeadDir);
        var probabilities = classifier.PredictProbabilities(VolumeIO.Read(trained.Cohort.SubjectPath(0)));

        // Then it gives one probability per class, summing to 1
        Assert.Equal("resnet18-slices", classifier.Kind);
        Assert.Equal(2, probabilities.Length);
        Assert.Equal(1.0, probabilities.Sum(), 4);
    }

    [Fact]
    public void The_same_seed_gives_byte_identical_outputs_history_included()
    {
        // Given the fixture's head, When the head is trained again with the same seed and settings
        var again = NewFolder();
        ImageNetHeadTraining.Run(trained.Cohort.Root, again, Sampling, Settings(), _ => { });

        // Then every output file is identical: no wall-clock time in any of them
        foreach (var file in new[] { "history.csv", "model.pt", "model.json", "training.json" })
            Assert.True(File.ReadAllBytes(Path.Combine(trained.HeadDir, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(again, file))), file);
    }

    [Fact]
    public void A_smaller_label_fraction_trains_on_the_nested_subset_only()
    {
        using var cohort = new TinyCohort();
        var output = NewFolder();
        ImageNetHeadTraining.Run(cohort.Root, output, Sampling, Settings(fraction: 0.25), _ => { });
        using var training = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "training.json")));
        Assert.Equal(2, training.RootElement.GetProperty("train_subjects").GetArrayLength());
    }

    [Fact]
    public void Fine_tuning_starts_from_the_head_and_trains_the_backbone()
    {
        // Given a head folder, When it is fine-tuned with a backbone learning rate
        var tuned = NewFolder();
        var log = new List<string>();
        ImageNetFineTuning.Run(trained.Cohort.Root, trained.HeadDir, tuned, Settings(backboneLr: 1e-3), _ => { }, log.Add);

        // Then the output records a trained backbone, keeps the head's sampling, and its stem weights moved
        var info = ResNetSliceModelInfo.Read(Path.Combine(tuned, "model.json"));
        Assert.True(info.BackboneTrained);
        Assert.Equal(Sampling, info.Sampling);
        Assert.NotEqual(StemWeights(trained.HeadDir), StemWeights(tuned));
        // and its log profiles the steps like every other training stage: FLOPs of the stem, 2 × 9 block convolutions
        // (the CNTK export has [2, 2, 2, 3] blocks), 3 shortcuts and the head, and nonzero steps
        Assert.Contains(log, l => l.StartsWith("ImageNetFineTune model: 23 conv/linear layers", StringComparison.Ordinal));
        var profile = Assert.Single(log, l => l.StartsWith("ImageNetFineTune epoch 1 profile: ", StringComparison.Ordinal));
        // (the rate itself depends on the machine: a slow CI runner does the tiny fixture at under 1 GFLOP/s)
        var counts = Regex.Match(profile, @"; (\d+) steps, .*training ([\d.]+) GFLOP/s");
        Assert.True(counts.Success, profile);
        Assert.True(int.Parse(counts.Groups[1].Value, CultureInfo.InvariantCulture) > 0, profile);
        Assert.True(double.Parse(counts.Groups[2].Value, CultureInfo.InvariantCulture) > 0, profile);
    }

    [Fact]
    public void Fine_tuning_a_head_of_another_label_fraction_is_refused()
    {
        using var cohort = new TinyCohort();
        var head = NewFolder();
        ImageNetHeadTraining.Run(cohort.Root, head, Sampling, Settings(fraction: 0.25), _ => { });
        var error = Assert.Throws<ImageNetSettingsException>(() =>
            ImageNetFineTuning.Run(cohort.Root, head, NewFolder(), Settings(backboneLr: 1e-4, fraction: 1.0), _ => { }));
        Assert.Contains("training.json: label_fraction 0.25 differs from train.label_fraction 1", error.Message);
    }

    [Fact]
    public void A_two_d_cohort_uses_its_stored_slices()
    {
        using var cohort = new TinyCohort(mode: CohortMode.TwoD, slices2d: 3);
        var output = NewFolder();
        ImageNetHeadTraining.Run(cohort.Root, output, Sampling, Settings(), _ => { });
        using var training = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "training.json")));
        Assert.Equal(6 * 3, training.RootElement.GetProperty("train_slices").GetInt32());
        Assert.Equal("2d", ResNetSliceModelInfo.Read(Path.Combine(output, "model.json")).Mode);
    }

    [Fact]
    public void A_cohort_with_one_class_is_refused()
    {
        using var cohort = new TinyCohort();
        var summary = Path.Combine(cohort.Root, "summary.json");
        (PreprocessedCohortSummary.Read(summary) with { Classes = ["healthy"] }).Write(summary);
        var error = Assert.Throws<ImageNetSettingsException>(() => ImageNetHeadTraining.Run(cohort.Root, NewFolder(), Sampling, Settings(), _ => { }));
        Assert.Contains(summary, error.Message);
    }

    private static float[] StemWeights(string modelDir)
    {
        using var net = new ResNetSliceNet(new ResNet18Backbone(), 2);
        net.load(Path.Combine(modelDir, "model.pt"));
        return net.state_dict()["backbone.stem.conv.weight"].data<float>().ToArray();
    }

    public void Dispose()
    {
        foreach (var folder in folders.Where(Directory.Exists)) Directory.Delete(folder, recursive: true);
    }
}

/// <summary>One tiny 3-D cohort and one ImageNetHead run on it, shared by the training tests.</summary>
public sealed class TrainedHeadFixture : IDisposable
{
    public static readonly SliceSampling Sampling = new(32, 2, 2);

    public static SliceTrainingSettings Settings(double backboneLr = 0, double fraction = 1.0) =>
        new(Epochs: 3, BatchSize: 8, HeadLr: 1e-2, BackboneLr: backboneLr, Patience: 2, LabelFraction: fraction, Seed: 5, TorchThreads: 1);

    public TrainedHeadFixture()
    {
        HeadDir = Path.Combine(Path.GetTempPath(), $"imagenet-head-{Guid.NewGuid():N}");
        Result = ImageNetHeadTraining.Run(Cohort.Root, HeadDir, Sampling, Settings(), _ => { });
    }

    public TinyCohort Cohort { get; } = new();
    public string HeadDir { get; }
    public TrainingResult Result { get; }

    public void Dispose()
    {
        Cohort.Dispose();
        if (Directory.Exists(HeadDir)) Directory.Delete(HeadDir, recursive: true);
    }
}
