using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Imaging;
using MriTransfer.Models;
using MriTransfer.Training;
using MriTransfer.Training.Loop;
using MriTransfer.Training.Settings;
using TorchSharp;

namespace MriTransfer.Tests.Training;

[Collection(MriTransfer.Tests.Training.TorchCollection.Name)]
public class ClassifierStagesTests(TransferPipeline pipeline) : IClassFixture<TransferPipeline>
{
    private static readonly string[] BtClasses = ["glioma", "meningioma", "none"];

    private static Dictionary<string, torch.Tensor> EncoderWeights(string modelDir)
    {
        var description = ModelFiles.ReadJson(Path.Combine(modelDir, "model.json"));
        var model = new EncoderClassifier(EncoderArchitecture.FromJson(description["architecture"]!), ClassifierHeadSpec.FromJson(description["head"]!),
            ReadoutSpec.FromJson(description["readout"]));
        ModelFiles.Load(model, Path.Combine(modelDir, "model.pt"));
        return model.Encoder.state_dict();
    }

    private static Dictionary<string, torch.Tensor> ExportedWeights(string encoderDir)
    {
        var encoder = new Encoder(EncoderFiles.ReadArchitecture(encoderDir));
        EncoderFiles.LoadInto(encoder, encoderDir);
        return encoder.state_dict();
    }

    private static bool Identical(Dictionary<string, torch.Tensor> a, Dictionary<string, torch.Tensor> b) =>
        a.Keys.Order().SequenceEqual(b.Keys.Order()) && a.All(kv => kv.Value.equal(b[kv.Key]).all().item<bool>());

    [Fact]
    public void TrainHead_leaves_the_encoder_weights_bit_identical_and_writes_the_trained_classifier_contract()
    {
        using var bt = new TinyCohort(BtClasses, trainPerClass: 2, valPerClass: 1, writeTestVolumes: false);
        using var temp = new TempDir();
        var head = temp.Sub("head");

        HeadTraining.Run(pipeline.EncoderDir, bt.Root, head, TrainingParams.Classifier(p => p["classifier.lr"] = 0.05), _ => { });

        Assert.True(Identical(ExportedWeights(pipeline.EncoderDir), EncoderWeights(head)));
        Assert.Equal(new[] { "history.csv", "model.json", "model.pt", "training.json" }, Directory.GetFiles(head).Select(Path.GetFileName).Order());
        Assert.Equal("epoch,train_loss,val_loss,val_balanced_accuracy,lr", File.ReadLines(Path.Combine(head, "history.csv")).First());
    }

    [Theory]
    [InlineData("gap")]
    [InlineData("multiscale")]
    [InlineData("attention")]
    public void Every_arm_records_steps_epochs_lr_per_group_and_how_far_its_encoder_moved(string readout)
    {
        // Given the three encoder arms trained with the same classifier.* budget through one readout
        using var bt = new TinyCohort(BtClasses, trainPerClass: 2, valPerClass: 1, writeTestVolumes: false);
        using var temp = new TempDir();
        var settings = TrainingParams.Classifier(p => { p["model.readout"] = readout; p["classifier.patience"] = 100; });
        HeadTraining.Run(pipeline.EncoderDir, bt.Root, temp.Sub("head"), settings, _ => { });
        FineTuning.Run(Path.Combine(temp.Path, "head"), bt.Root, temp.Sub("finetune"), settings, TrainingParams.FineTune(), _ => { });
        ScratchTraining.Run(bt.Root, temp.Sub("scratch"), settings, _ => { });
        System.Text.Json.Nodes.JsonNode Record(string arm) => ModelFiles.ReadJson(Path.Combine(temp.Path, arm, "training.json"));

        // Then fine-tune and scratch took the same steps, the head trained on stored features, and only the frozen encoder stayed put
        Assert.Equal((int)Record("scratch")["steps"]!, (int)Record("finetune")["steps"]!);
        Assert.Equal((int)Record("head")["steps"]!, (int)Record("finetune")["steps"]!);
        Assert.True((bool)Record("head")["frozen_features_cached"]!);
        Assert.Equal(0.0, (double)Record("head")["encoder_relative_change"]!);
        Assert.Equal(0.0, (double)Record("head")["lr"]!["encoder"]!);
        Assert.True((double)Record("finetune")["encoder_relative_change"]! > 0);
        Assert.True((double)Record("scratch")["encoder_relative_change"]! > 0);
        Assert.Equal(TrainingParams.FineTune().Lr * TrainingParams.FineTune().EncoderLrMultiplier, (double)Record("finetune")["lr"]!["encoder"]!, 1e-12);
        Assert.Equal(readout, (string)Record("scratch")["readout"]!);
        // head and fine-tune name the pretraining seed of their encoder (its model card's), scratch has none
        var cardSeed = (int)EncoderFiles.ReadCard(pipeline.EncoderDir)["seed"]!;
        Assert.Equal((cardSeed, cardSeed, (int?)null), (TrainingRecord.Read(Path.Combine(temp.Path, "head")).PretrainSeed,
            TrainingRecord.Read(Path.Combine(temp.Path, "finetune")).PretrainSeed, TrainingRecord.Read(Path.Combine(temp.Path, "scratch")).PretrainSeed));
        Assert.Equal("random", (string)Record("scratch")["probes"]!["encoder"]!);
        Assert.InRange((double)Record("head")["probes"]!["knn_val_balanced_accuracy"]!, 0, 1);
        Assert.InRange((double)Record("head")["probes"]!["linear_val_balanced_accuracy"]!, 0, 1);
        using var classifier = SubjectClassifiers.Load(Path.Combine(temp.Path, "finetune"));
        Assert.Equal(1.0, classifier.PredictProbabilities(VolumeIO.Read(Path.Combine(bt.Root, "subjects", "sub-000.nii.gz"))).Sum(), 1e-5);
    }

    [Fact]
    public void Adapting_batch_norm_to_BT_changes_the_frozen_encoders_statistics_but_not_its_weights()
    {
        using var bt = new TinyCohort(BtClasses, trainPerClass: 2, valPerClass: 1, writeTestVolumes: false);
        using var temp = new TempDir();

        HeadTraining.Run(pipeline.EncoderDir, bt.Root, temp.Sub("head"), TrainingParams.Classifier(), _ => { }, head: new HeadOptions(AdaptNorm: true));

        var exported = ExportedWeights(pipeline.EncoderDir);
        var adapted = EncoderWeights(Path.Combine(temp.Path, "head"));
        Assert.All(exported.Keys.Where(k => k.EndsWith(".weight") || k.EndsWith(".bias")), k => Assert.True(exported[k].equal(adapted[k]).all().item<bool>(), k));
        Assert.Contains(exported.Keys.Where(k => k.EndsWith("running_mean")), k => !exported[k].equal(adapted[k]).all().item<bool>());
    }

    [Fact]
    public void Scratch_estimates_its_random_encoders_batch_norm_statistics_on_BT_before_training()
    {
        // A random encoder's running statistics are placeholders (mean 0, variance 1); the head's standardisation is
        // fitted in eval mode, so it must see statistics of BT, not the placeholders (the bug of c78decb's message).
        using var bt = new TinyCohort(BtClasses, trainPerClass: 2, valPerClass: 1, writeTestVolumes: false);
        using var temp = new TempDir();

        ScratchTraining.Run(bt.Root, temp.Sub("scratch"), TrainingParams.Classifier(p => p["classifier.epochs"] = 1), _ => { });

        var provenance = ModelFiles.ReadJson(Path.Combine(temp.Path, "scratch", "training.json"))["provenance"]!;
        // every batch norm of the [4, 8] encoder (2 blocks × 2) was re-estimated
        Assert.Equal("estimated on BT train before training (4 layers)", (string)provenance["encoder_norm_statistics"]!);
    }

    [Fact]
    public void With_group_norm_every_arm_trains_and_norm_adaptation_has_nothing_to_change()
    {
        // Given an encoder pretrained with group norm (no running statistics: the same in train and eval mode)
        using var bt = new TinyCohort(BtClasses, trainPerClass: 2, valPerClass: 1, writeTestVolumes: false);
        using var temp = new TempDir();
        void Group(Dictionary<string, object> p) { p["model.norm"] = "group"; p["model.norm_groups"] = 2; }
        Pretraining.Run(pipeline.Ad.Root, temp.Sub("pretrain"), TrainingParams.Pretrain(Group), _ => { });
        EncoderExport.Run(Path.Combine(temp.Path, "pretrain"), temp.Sub("encoder"));

        // When head (with AdaBN asked for), fine-tune and scratch train on it
        var settings = TrainingParams.Classifier(Group);
        HeadTraining.Run(Path.Combine(temp.Path, "encoder"), bt.Root, temp.Sub("head"), settings, _ => { }, head: new HeadOptions(AdaptNorm: true));
        FineTuning.Run(Path.Combine(temp.Path, "head"), bt.Root, temp.Sub("finetune"), settings, TrainingParams.FineTune(), _ => { });
        ScratchTraining.Run(bt.Root, temp.Sub("scratch"), settings, _ => { });

        // Then each wrote a classifier, and the frozen encoder kept its weights
        var provenance = ModelFiles.ReadJson(Path.Combine(temp.Path, "head", "training.json"))["provenance"]!;
        Assert.Equal("none (group norm normalises each volume by itself)", (string)provenance["encoder_norm_statistics"]!);
        Assert.True(Identical(ExportedWeights(Path.Combine(temp.Path, "encoder")), EncoderWeights(Path.Combine(temp.Path, "head"))));
        Assert.All(new[] { "finetune", "scratch" }, arm => Assert.True(File.Exists(Path.Combine(temp.Path, arm, "model.pt"))));
    }

    [Fact]
    public void With_an_lr_grid_the_arm_keeps_the_run_best_on_val_and_records_every_candidate()
    {
        using var bt = new TinyCohort(BtClasses, trainPerClass: 2, valPerClass: 1, writeTestVolumes: false);
        using var temp = new TempDir();
        var dir = temp.Sub("scratch");

        ScratchTraining.Run(bt.Root, dir, TrainingParams.Classifier(p => p["classifier.lr_grid"] = new[] { 0.001, 0.01 }), _ => { });

        var record = ModelFiles.ReadJson(Path.Combine(dir, "training.json"));
        var candidates = record["lr_selection"]!["candidates"]!.AsArray();
        Assert.Equal(new[] { 0.001, 0.01 }, candidates.Select(c => (double)c!["base_lr"]!));
        var selected = (double)record["lr_selection"]!["selected_base_lr"]!;
        Assert.Equal(selected, (double)record["lr"]!["encoder"]!);
        Assert.Equal(candidates.Max(c => (double)c!["best_val_balanced_accuracy"]!), (double)record["best_val_balanced_accuracy"]!);
        Assert.Equal(["history.csv", "model.json", "model.pt", "training.json"], Directory.GetFileSystemEntries(dir).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void TrainHead_candidates_of_an_lr_grid_share_one_feature_pass_and_each_trains_as_it_would_alone()
    {
        // Given a batch-norm encoder adapted to BT (statistics each candidate must carry into its model.pt)
        using var bt = new TinyCohort(BtClasses, trainPerClass: 2, valPerClass: 1, writeTestVolumes: false);
        using var temp = new TempDir();
        double[] grid = [0.001, 0.05];
        var adaBn = new HeadOptions(AdaptNorm: true);

        // When the grid trains in one stage, and each of its learning rates alone
        HeadTraining.Run(pipeline.EncoderDir, bt.Root, temp.Sub("grid"), TrainingParams.Classifier(p => p["classifier.lr_grid"] = grid), _ => { }, head: adaBn);
        var alone = grid.Select((lr, i) =>
        {
            var dir = temp.Sub($"alone-{i}");
            HeadTraining.Run(pipeline.EncoderDir, bt.Root, dir,
                TrainingParams.Classifier(p => { p["classifier.lr"] = lr; p["classifier.lr_grid"] = Array.Empty<double>(); }), _ => { }, head: adaBn);
            return dir;
        }).ToList();

        // Then every candidate scored what its lone run scored, and the published classifier is the selected lone run's
        var selection = ModelFiles.ReadJson(Path.Combine(temp.Path, "grid", "training.json"))["lr_selection"]!;
        var candidates = selection["candidates"]!.AsArray();
        for (var i = 0; i < grid.Length; i++)
            Assert.Equal((double)ModelFiles.ReadJson(Path.Combine(alone[i], "training.json"))["best_val_loss"]!, (double)candidates[i]!["best_val_loss"]!);
        var selected = alone[Array.IndexOf(grid, (double)selection["selected_base_lr"]!)];
        Assert.Equal(File.ReadAllBytes(Path.Combine(selected, "model.pt")), File.ReadAllBytes(Path.Combine(temp.Path, "grid", "model.pt")));
    }

    [Fact]
    public void FineTune_changes_the_encoder_weights_it_starts_from()
    {
        using var bt = new TinyCohort(BtClasses, trainPerClass: 2, valPerClass: 1, writeTestVolumes: false);
        using var temp = new TempDir();
        HeadTraining.Run(pipeline.EncoderDir, bt.Root, temp.Sub("head"), TrainingParams.Classifier(), _ => { });

        FineTuning.Run(Path.Combine(temp.Path, "head"), bt.Root, temp.Sub("finetune"), TrainingParams.Classifier(), TrainingParams.FineTune(), _ => { });

        Assert.False(Identical(EncoderWeights(Path.Combine(temp.Path, "head")), EncoderWeights(Path.Combine(temp.Path, "finetune"))));
    }

    [Fact]
    public void FineTune_of_the_last_block_only_keeps_the_earlier_blocks_bit_identical()
    {
        using var bt = new TinyCohort(BtClasses, trainPerClass: 2, valPerClass: 1, writeTestVolumes: false);
        using var temp = new TempDir();
        HeadTraining.Run(pipeline.EncoderDir, bt.Root, temp.Sub("head"), TrainingParams.Classifier(), _ => { });

        FineTuning.Run(Path.Combine(temp.Path, "head"), bt.Root, temp.Sub("finetune"), TrainingParams.Classifier(), TrainingParams.FineTune(p => p["finetune.unfreeze_blocks"] = 1), _ => { });

        var before = EncoderWeights(Path.Combine(temp.Path, "head"));
        var after = EncoderWeights(Path.Combine(temp.Path, "finetune"));
        Assert.All(before.Keys.Where(k => k.StartsWith("blocks.0.")), k => Assert.True(before[k].equal(after[k]).all().item<bool>(), k));
        Assert.Contains(before.Keys.Where(k => k.StartsWith("blocks.1.")), k => !before[k].equal(after[k]).all().item<bool>());
    }

    [Fact]
    public void TrainScratch_trains_for_the_classifier_budget_and_loads_as_a_subject_classifier()
    {
        using var bt = new TinyCohort(BtClasses, trainPerClass: 2, valPerClass: 1, writeTestVolumes: false);
        using var temp = new TempDir();
        var dir = temp.Sub("scratch");
        ScratchTraining.Run(bt.Root, dir, TrainingParams.Classifier(), _ => { });

        Assert.Equal(2, (int)ModelFiles.ReadJson(Path.Combine(dir, "training.json"))["epochs_budget"]!);
        using var classifier = SubjectClassifiers.Load(dir);
        Assert.Equal("encoder-classifier", classifier.Kind);
        var probabilities = classifier.PredictProbabilities(VolumeIO.Read(Path.Combine(bt.Root, "subjects", "sub-000.nii.gz")));
        Assert.Equal(3, probabilities.Length);
        Assert.Equal(1.0, probabilities.Sum(), 1e-5);
    }

    [Fact]
    public void Training_twice_with_the_same_settings_gives_byte_identical_output_folders()
    {
        using var bt = new TinyCohort(BtClasses, trainPerClass: 2, valPerClass: 1, writeTestVolumes: false);
        using var temp = new TempDir();

        ScratchTraining.Run(bt.Root, temp.Sub("a"), TrainingParams.Classifier(), _ => { });
        ScratchTraining.Run(bt.Root, temp.Sub("b"), TrainingParams.Classifier(), _ => { });

        var files = Directory.GetFiles(Path.Combine(temp.Path, "a")).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["history.csv", "model.json", "model.pt", "training.json"], files);
        foreach (var file in files)
            Assert.True(File.ReadAllBytes(Path.Combine(temp.Path, "a", file!)).SequenceEqual(File.ReadAllBytes(Path.Combine(temp.Path, "b", file!))), file);
    }

    [Fact]
    public void An_encoder_exported_with_another_architecture_is_refused_naming_the_mismatching_keys()
    {
        using var bt = new TinyCohort(BtClasses, trainPerClass: 1, valPerClass: 1, writeTestVolumes: false);
        using var temp = new TempDir();

        var error = Assert.Throws<ModelConfigurationException>(() => HeadTraining.Run(pipeline.EncoderDir, bt.Root, temp.Sub("head"),
            TrainingParams.Classifier(p => p["model.channels"] = new[] { 4, 16 }), _ => { }));

        Assert.Contains("blocks.1.conv1.conv.weight: shape [8, 4, 3, 3, 3] in the file, [16, 4, 3, 3, 3] expected", error.Message);
    }

    [Fact]
    public void An_encoder_with_fewer_blocks_than_expected_is_refused_naming_the_missing_keys()
    {
        using var bt = new TinyCohort(BtClasses, trainPerClass: 1, valPerClass: 1, writeTestVolumes: false);
        using var temp = new TempDir();

        var error = Assert.Throws<ModelConfigurationException>(() => HeadTraining.Run(pipeline.EncoderDir, bt.Root, temp.Sub("head"),
            TrainingParams.Classifier(p => p["model.channels"] = new[] { 4, 8, 8 }), _ => { }));

        Assert.Contains("missing keys: blocks.2.conv1.conv.bias", error.Message);
    }

    [Fact]
    public void A_class_absent_from_the_labelled_subset_is_refused_naming_it()
    {
        // label fraction 0.5 keeps the first train subject of each class; here one class has none
        using var bt = new TinyCohort(BtClasses, trainPerClass: 1, valPerClass: 1, writeTestVolumes: false);
        File.WriteAllLines(Path.Combine(bt.Root, "label_fractions.csv"), ["subject_id,fraction", "sub-000,0.5", "sub-001,0.5", "sub-002,1.0"]);
        using var temp = new TempDir();

        var error = Assert.Throws<TrainingInputException>(() => ScratchTraining.Run(bt.Root, temp.Sub("s"),
            TrainingParams.Classifier(p => p["train.label_fraction"] = 0.5), _ => { }));

        Assert.Contains("class 'none' has no subject in the training subset", error.Message);
        Assert.Contains("selects 2 of 3 train subjects", error.Message);
    }

    [Fact]
    public void In_two_d_mode_a_subjects_probabilities_are_the_mean_over_its_slices()
    {
        using var bt = new TinyCohort(BtClasses, trainPerClass: 1, valPerClass: 1, mode: CohortMode.TwoD, shape: [16, 16, 3], writeTestVolumes: false);
        using var temp = new TempDir();
        var dir = temp.Sub("scratch2d");
        ScratchTraining.Run(bt.Root, dir, TrainingParams.Classifier(), _ => { });
        using var classifier = SubjectClassifiers.Load(dir);
        var volume = VolumeIO.Read(Path.Combine(bt.Root, "subjects", "sub-000.nii.gz"));

        var whole = classifier.PredictProbabilities(volume);

        var perSlice = Enumerable.Range(0, 3).Select(k =>
        {
            var slice = volume.Data.AsSpan(k * 256, 256).ToArray();
            var single = new Volume([.. slice, .. slice, .. slice], [16, 16, 3], [3, 3, 3], Volume.DiagonalAffine(3, 3, 3));
            return classifier.PredictProbabilities(single);
        }).ToList();
        for (var c = 0; c < 3; c++) Assert.Equal(perSlice.Average(p => p[c]), whole[c], 1e-5);
    }

    [Fact]
    public void The_classifier_stages_never_read_test_subjects()
    {
        // Given a BT cohort whose test volumes do not exist at all
        using var bt = new TinyCohort(BtClasses, trainPerClass: 1, valPerClass: 1, testPerClass: 2, writeTestVolumes: false);
        using var temp = new TempDir();

        // When a classifier trains on it, it succeeds, and records only train and val subjects
        ScratchTraining.Run(bt.Root, temp.Sub("s"), TrainingParams.Classifier(), _ => { });

        var used = ModelFiles.ReadJson(Path.Combine(temp.Path, "s", "training.json"))["subjects_used"]!;
        var ids = used["train"]!.AsArray().Concat(used["val"]!.AsArray()).Select(n => (string)n!).ToList();
        Assert.Equal(6, ids.Count);
        Assert.DoesNotContain(ids, id => int.Parse(id[4..]) >= 6);
    }
}
