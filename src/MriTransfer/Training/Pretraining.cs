using System.Text.Json;
using System.Text.Json.Nodes;
using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Models;
using MriTransfer.Randomness;
using MriTransfer.Training.Loop;
using MriTransfer.Training.Settings;
using static TorchSharp.torch;

namespace MriTransfer.Training;

/// <summary>
/// The Pretrain stage: trains the autoencoder on the AD train split with early stopping on AD val, and writes
/// <c>autoencoder.pt</c> (best val loss), <c>last.pt</c>, <c>history.csv</c> and <c>model.json</c>.
/// An interrupted run resumes from the state folder (see <see cref="PretrainResumeState"/>).
/// </summary>
public static class Pretraining
{
    /// <param name="resumeDir">Folder for resumable state (kept when the run fails or is cancelled; cleared on success);
    /// null = no resume, state lives in the output folder.</param>
    /// <param name="cancel">Checked after each epoch's state is saved (an interrupted run's last epoch is never lost).</param>
    /// <param name="log">gets each epoch with its wall time (kept out of the outputs).</param>
    public static void Run(string adDir, string outputDir, PretrainSettings settings, Action<string> progress,
        string? resumeDir = null, CancellationToken cancel = default, Action<string>? log = null)
    {
        TorchThreads.Use(settings.Runtime.TorchThreads);
        var cohort = PreprocessedCohort.Load(adDir);
        var indexSha256 = Fingerprint.OfFile(cohort.IndexPath);
        var architecture = settings.Model.Architecture(cohort.Mode.SpatialDims());
        architecture.ValidateInputShape(VolumeTensors.SpatialShape(cohort.Shape, architecture.SpatialDims), cohort.SummaryPath);
        var train = LoadSplit(cohort, "train", architecture, settings.Runtime.SampleMemoryFraction);
        var val = LoadSplit(cohort, "val", architecture, settings.Runtime.SampleMemoryFraction);
        log?.Invoke($"samples: train {train.StorageDescription}; val {val.StorageDescription}");

        manual_seed(Seeds.Derive(settings.Pretrain.Seed, Seeds.Weights));
        using var model = new Autoencoder(architecture, settings.Variant);
        var groups = new[] { new TrainableGroup(model.parameters().ToList()) };
        using var optimizer = OptimizerFactory.Create(settings.Optimizer, groups, settings.Optimizer.Lr);

        var stateDir = resumeDir ?? outputDir;
        Directory.CreateDirectory(stateDir);
        var fingerprint = Fingerprint.OfText(JsonSerializer.Serialize(settings) + indexSha256);
        var resumed = PretrainResumeState.TryResume(stateDir, fingerprint, model, optimizer);
        if (resumed is { } r) progress($"resuming after epoch {r.Loop.EpochsDone}/{settings.Pretrain.Epochs} from {stateDir}");
        var history = resumed?.History ?? new TrainingHistory(classifies: false);
        var steps = new AutoencoderSteps(model, optimizer, groups, train, val, settings, stateDir, fingerprint);
        var loop = new LoopSettings("Pretrain", settings.Pretrain.Epochs, settings.Pretrain.Patience, Monitors.LowerLossBy(settings.Pretrain.MinImprovement));
        var result = EpochLoop.Run(steps, loop, resumed?.Loop ?? LoopState.Start, history, progress, log, cancel);

        Publish(stateDir, outputDir);
        ModelFiles.WriteJson(Path.Combine(outputDir, "model.json"),
            Description(architecture, settings, indexSha256, cohort, train.Count, val.Count, result, history));
        if (resumeDir is not null) PretrainResumeState.Clear(resumeDir);
    }

    private static SampleSet LoadSplit(PreprocessedCohort cohort, string split, EncoderArchitecture architecture, double? memoryFraction)
    {
        var subjects = cohort.Split(split);
        if (subjects.Count == 0)
            throw new TrainingInputException($"{Path.Combine(cohort.Root, "index.csv")}: no subjects in the '{split}' split; Pretrain needs AD train and val subjects");
        return SampleSet.Load(cohort, subjects, architecture, labelled: false, memoryFraction);
    }

    private static void Publish(string stateDir, string outputDir)
    {
        if (Path.GetFullPath(stateDir) == Path.GetFullPath(outputDir))
        {
            File.Delete(Path.Combine(outputDir, PretrainResumeState.FileName));
            File.Delete(Path.Combine(outputDir, PretrainResumeState.OptimizerFile));
            return;
        }
        foreach (var name in new[] { "autoencoder.pt", "last.pt", TrainingHistory.FileName })
            File.Copy(Path.Combine(stateDir, name), Path.Combine(outputDir, name), overwrite: true);
    }

    private static JsonObject Description(EncoderArchitecture architecture, PretrainSettings settings, string indexSha256,
        PreprocessedCohort cohort, int trainSamples, int valSamples, LoopResult result, TrainingHistory history) => new()
    {
        ["kind"] = "autoencoder",
        ["architecture"] = architecture.ToJson(),
        ["variant"] = settings.Variant.ToJson(),
        ["mode"] = cohort.Mode.Text(),
        ["input_shape"] = new JsonArray(cohort.Shape.Select(n => (JsonNode)n).ToArray()),
        ["spacing"] = new JsonArray(cohort.Summary.Spacing.Select(s => (JsonNode)s).ToArray()),
        ["training_data"] = new JsonObject
        {
            ["index_csv_sha256"] = indexSha256,
            ["train_subjects"] = cohort.Split("train").Count,
            ["val_subjects"] = cohort.Split("val").Count,
            ["train_samples"] = trainSamples,
            ["val_samples"] = valSamples,
        },
        ["seed"] = settings.Pretrain.Seed,
        ["patch_shape"] = new JsonArray(settings.Pretrain.PatchShape.Select(n => (JsonNode)n).ToArray()),
        ["augment"] = settings.Pretrain.Augment.ToJson(),
        ["epochs_run"] = result.State.EpochsDone,
        ["best_epoch"] = result.State.BestEpoch,
        ["best_val_loss"] = result.State.Best!.Loss,
        ["final_val_loss"] = history.Rows[^1].ValLoss,
        ["stop_reason"] = result.StopReason,
    };
}
