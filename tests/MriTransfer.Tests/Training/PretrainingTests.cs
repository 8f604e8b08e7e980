using MriTransfer.Models;
using MriTransfer.Training;
using MriTransfer.Training.Loop;

namespace MriTransfer.Tests.Training;

[Collection(MriTransfer.Tests.Training.TorchCollection.Name)]
public class PretrainingTests
{
    private static readonly string[] AdClasses = ["AD", "CN"];

    [Fact]
    public void Pretraining_writes_the_best_and_last_checkpoints_a_history_row_per_epoch_and_the_model_description()
    {
        using var cohort = new TinyCohort(AdClasses, trainPerClass: 2, valPerClass: 1);
        using var temp = new TempDir();
        var output = temp.Sub("out");
        var progress = new List<string>();

        Pretraining.Run(cohort.Root, output, TrainingParams.Pretrain(), progress.Add);

        Assert.Equal(new[] { "autoencoder.pt", "history.csv", "last.pt", "model.json" }, Directory.GetFiles(output).Select(Path.GetFileName).Order());
        var history = File.ReadAllLines(Path.Combine(output, "history.csv"));
        Assert.Equal("epoch,train_loss,val_loss,lr", history[0]);
        Assert.Equal(3, history.Length);
        Assert.Contains(progress, p => p.StartsWith("epoch 2/2"));
        var description = ModelFiles.ReadJson(Path.Combine(output, "model.json"));
        Assert.Equal(2, (int)description["epochs_run"]!);
        Assert.Equal(64, ((string)description["training_data"]!["index_csv_sha256"]!).Length);
        Assert.Equal("linear", (string)description["augment"]!["interpolation"]!);
        Assert.Equal(0.0, (double)description["augment"]!["rotate_degrees"]!);
    }

    [Fact]
    public void The_same_params_on_the_same_machine_give_identical_weights_and_identical_output_files()
    {
        using var cohort = new TinyCohort(AdClasses, trainPerClass: 2, valPerClass: 1);
        using var temp = new TempDir();
        var settings = TrainingParams.Pretrain(p =>
        {
            p["pretrain.variant"] = "masked";
            p["pretrain.augment.flip"] = true;
            p["pretrain.augment.rotate_degrees"] = 5;
            p["pretrain.augment.intensity"] = 0.1;
        });

        var log = new List<string>();
        Pretraining.Run(cohort.Root, temp.Sub("a"), settings, _ => { }, log: log.Add);
        Pretraining.Run(cohort.Root, temp.Sub("b"), settings, _ => { });

        // identical weights give identical files, history included: epoch times go to the log only
        foreach (var file in new[] { "last.pt", "autoencoder.pt", "history.csv", "model.json" })
            Assert.True(File.ReadAllBytes(Path.Combine(temp.Path, "a", file)).SequenceEqual(File.ReadAllBytes(Path.Combine(temp.Path, "b", file))), file);
        Assert.Contains(log, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^Pretrain epoch 1/2 train_loss \S+ val_loss \S+ lr \S+ \(\d+\.\d s\)$"));
        // the profile: each phase per epoch and for the run, with achieved GFLOP/s against this CPU's peak
        Assert.Contains(log, l => l.StartsWith("Pretrain epoch 2 profile: data ", StringComparison.Ordinal) && l.Contains("% of peak"));
        Assert.Contains(log, l => l.StartsWith("Pretrain run profile (2 epochs): ", StringComparison.Ordinal));
    }

    [Fact]
    public void Memory_mapped_samples_train_the_same_autoencoder_byte_for_byte()
    {
        // Given the same tiny pretraining with its sample sets in RAM and memory-mapped (fraction 0: always)
        using var cohort = new TinyCohort(["ad"], trainPerClass: 4, valPerClass: 2);
        using var temp = new TempDir();
        var log = new List<string>();
        Pretraining.Run(cohort.Root, temp.Sub("ram"), TrainingParams.Pretrain(), _ => { });
        Pretraining.Run(cohort.Root, temp.Sub("mapped"), TrainingParams.Pretrain(p => p["runtime.sample_memory_fraction"] = 0.0), _ => { }, log: log.Add);

        // Then the weights and history are identical, and the log says where the samples were
        foreach (var file in new[] { "autoencoder.pt", "history.csv" })
            Assert.True(File.ReadAllBytes(Path.Combine(temp.Path, "ram", file)).SequenceEqual(File.ReadAllBytes(Path.Combine(temp.Path, "mapped", file))), file);
        Assert.Contains(log, l => l.StartsWith("samples: train memory-mapped from ", StringComparison.Ordinal));
    }

    [Fact]
    public void An_interrupted_run_resumes_from_its_last_epoch_and_ends_like_an_uninterrupted_one()
    {
        using var cohort = new TinyCohort(AdClasses, trainPerClass: 2, valPerClass: 1);
        using var temp = new TempDir();
        var settings = TrainingParams.Pretrain(p => p["pretrain.epochs"] = 3);
        Pretraining.Run(cohort.Root, temp.Sub("straight"), settings, _ => { });

        // Given a run cancelled right after its first epoch, its state kept in a resume folder
        var resume = temp.Sub("resume");
        using var cancel = new CancellationTokenSource();
        Assert.Throws<OperationCanceledException>(() =>
            Pretraining.Run(cohort.Root, temp.Sub("first-try"), settings, p => { if (p.StartsWith("epoch 1/")) cancel.Cancel(); }, resume, cancel.Token));

        // When the stage runs again into a new, empty output folder with the same resume folder
        var progress = new List<string>();
        Pretraining.Run(cohort.Root, temp.Sub("second-try"), settings, progress.Add, resume);

        // Then it starts at epoch 2, runs the same number of epochs and ends at the same loss
        Assert.StartsWith("resuming after epoch 1/3", progress[0]);
        Assert.DoesNotContain(progress, p => p.StartsWith("epoch 1/"));
        var straight = TrainingHistory.Read(Path.Combine(temp.Path, "straight", "history.csv"), classifies: false).Rows;
        var resumed = TrainingHistory.Read(Path.Combine(temp.Path, "second-try", "history.csv"), classifies: false).Rows;
        Assert.Equal(straight.Count, resumed.Count);
        Assert.Equal(straight[^1].ValLoss, resumed[^1].ValLoss, 1e-5);
        Assert.Empty(Directory.GetFiles(resume));
    }

    [Fact]
    public void A_resume_folder_of_other_params_is_ignored()
    {
        using var cohort = new TinyCohort(AdClasses, trainPerClass: 2, valPerClass: 1);
        using var temp = new TempDir();
        var resume = temp.Sub("resume");
        using var cancel = new CancellationTokenSource();
        Assert.Throws<OperationCanceledException>(() => Pretraining.Run(cohort.Root, temp.Sub("a"),
            TrainingParams.Pretrain(p => p["pretrain.epochs"] = 3), p => { if (p.StartsWith("epoch 1/")) cancel.Cancel(); }, resume, cancel.Token));

        var progress = new List<string>();
        Pretraining.Run(cohort.Root, temp.Sub("b"), TrainingParams.Pretrain(p => p["pretrain.lr"] = 0.002), progress.Add, resume);

        Assert.StartsWith("epoch 1/2", progress[0]);
    }

    [Fact]
    public void A_strided_encoder_pretrains_on_patches_and_is_scored_on_whole_volumes()
    {
        using var cohort = new TinyCohort(AdClasses, trainPerClass: 2, valPerClass: 1);
        using var temp = new TempDir();
        var log = new List<string>();

        Pretraining.Run(cohort.Root, temp.Sub("out"), TrainingParams.Pretrain(p =>
        {
            p["model.block"] = "strided";
            p["model.norm"] = "group";
            p["model.norm_groups"] = 2;
            p["pretrain.patch_shape"] = new[] { 8, 8, 8 };
        }), _ => { }, log: log.Add);

        var description = ModelFiles.ReadJson(Path.Combine(temp.Path, "out", "model.json"));
        Assert.Equal("strided", (string)description["architecture"]!["block"]!);
        Assert.Equal(new[] { 8, 8, 8 }, description["patch_shape"]!.AsArray().Select(n => (int)n!));
        Assert.True(double.IsFinite((double)description["best_val_loss"]!));
        // the training FLOPs are those of the 8³ patches, a 64th of the 16³ volumes' (every layer scales with its positions)
        var work = Assert.Single(log, l => l.StartsWith("Pretrain model: ", StringComparison.Ordinal));
        Assert.Contains("on training patches; whole volumes: ", work);
    }

    [Theory]
    [InlineData(new[] { 8, 8 }, "pretrain.patch_shape has 2 axes but the volumes of the AD train split have 3 (16×16×16)")]
    [InlineData(new[] { 8, 8, 32 }, "pretrain.patch_shape[2] = 32 exceeds the volumes' 16")]
    [InlineData(new[] { 8, 8, 6 }, "pretrain.patch_shape[2] = 6 is not a multiple of 2^2 = 4")]
    public void A_patch_shape_that_does_not_fit_the_volumes_or_the_encoder_is_refused_naming_the_key(int[] patch, string expected)
    {
        using var cohort = new TinyCohort(AdClasses, trainPerClass: 1, valPerClass: 1);
        using var temp = new TempDir();

        var error = Assert.Throws<ModelConfigurationException>(() =>
            Pretraining.Run(cohort.Root, temp.Sub("out"), TrainingParams.Pretrain(p => p["pretrain.patch_shape"] = patch), _ => { }));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Training_stops_once_the_val_loss_improves_by_less_than_min_improvement()
    {
        using var cohort = new TinyCohort(AdClasses, trainPerClass: 2, valPerClass: 1);
        using var temp = new TempDir();

        // no epoch can lower the loss by 100 %: the first epoch is the best, and patience 1 stops after the second
        Pretraining.Run(cohort.Root, temp.Sub("out"), TrainingParams.Pretrain(p =>
        {
            p["pretrain.epochs"] = 5;
            p["pretrain.patience"] = 1;
            p["pretrain.min_improvement"] = 0.5;
        }), _ => { });

        var description = ModelFiles.ReadJson(Path.Combine(temp.Path, "out", "model.json"));
        Assert.Equal("early_stopping", (string)description["stop_reason"]!);
        Assert.Equal(1, (int)description["best_epoch"]!);
    }

    [Fact]
    public void A_nan_loss_stops_training_naming_the_epoch_and_batch()
    {
        // Files with NaN voxels are refused by the reader, so the divergence comes from finite but huge voxels whose
        // squared error overflows: the loss is no longer a finite number.
        using var cohort = new TinyCohort(AdClasses, trainPerClass: 2, valPerClass: 1,
            alter: (_, n, data) => n == 3 ? data.Select(_ => float.MaxValue).ToArray() : data);
        using var temp = new TempDir();

        var error = Assert.Throws<TrainingDivergedException>(() =>
            Pretraining.Run(cohort.Root, temp.Sub("out"), TrainingParams.Pretrain(p => p["pretrain.batch_size"] = 4), _ => { }));

        Assert.Contains("epoch 1, batch 1 of 1", error.Message);
        Assert.Contains("NaN", error.Message);
    }

    [Fact]
    public void A_cohort_whose_shape_does_not_fit_the_depth_is_refused_naming_the_shapes_that_work()
    {
        using var cohort = new TinyCohort(AdClasses, trainPerClass: 1, valPerClass: 1, shape: [12, 12, 12]);
        using var temp = new TempDir();

        var error = Assert.Throws<ModelConfigurationException>(() =>
            Pretraining.Run(cohort.Root, temp.Sub("out"), TrainingParams.Pretrain(p => p["model.channels"] = new[] { 4, 8, 8 }), _ => { }));

        Assert.Contains("summary.json", error.Message);
        Assert.Contains("12 → 8 or 16", error.Message);
    }

    [Fact]
    public void Memory_stays_flat_over_epochs()
    {
        using var cohort = new TinyCohort(AdClasses, trainPerClass: 2, valPerClass: 1);
        using var temp = new TempDir();
        var live = new List<long>();

        Pretraining.Run(cohort.Root, temp.Sub("out"), TrainingParams.Pretrain(p =>
            {
                p["pretrain.epochs"] = 4;
                p["pretrain.variant"] = "denoising";
                p["pretrain.augment.rotate_degrees"] = 5;
            }),
            _ => live.Add(TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount));

        // Then no tensor outlives its epoch: the live count after epoch 4 equals the one after epoch 2
        // (the count is meaningful: the model's parameters and buffers are live tensors)
        Assert.Equal(4, live.Count);
        Assert.True(live[0] > 0);
        Assert.Equal(live[1], live[3]);
    }
}
