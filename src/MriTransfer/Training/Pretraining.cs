using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Models;
using MriTransfer.Randomness;
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
    public static void Run(string adDir, string outputDir, PretrainSettings settings, Action<string> progress,
        string? resumeDir = null, CancellationToken cancel = default)
    {
        set_num_threads(settings.Runtime.TorchThreads);
        var cohort = PreprocessedCohort.Load(adDir);
        var indexSha256 = Fingerprint.OfFile(cohort.IndexPath);
        var architecture = settings.Model.Architecture(cohort.Mode.SpatialDims());
        architecture.ValidateInputShape(VolumeTensors.SpatialShape(cohort.Shape, architecture.SpatialDims), cohort.SummaryPath);
        var train = LoadSplit(cohort, "train", architecture);
        var val = LoadSplit(cohort, "val", architecture);

        manual_seed(Seeds.Derive(settings.Pretrain.Seed, Seeds.Weights));
        using var model = new Autoencoder(architecture, settings.Variant);
        var groups = new[] { new TrainableGroup(model.parameters().ToList()) };
        using var optimizer = OptimizerFactory.Create(settings.Optimizer, groups, settings.Optimizer.Lr);

        var stateDir = resumeDir ?? outputDir;
        Directory.CreateDirectory(stateDir);
        var fingerprint = Fingerprint.OfText(JsonSerializer.Serialize(settings) + indexSha256);
        var state = PretrainResumeState.TryLoad(stateDir, fingerprint);
        var history = new HistoryCsv(HistoryCsv.PretrainColumns);
        if (state is null) PretrainResumeState.Clear(stateDir);
        else
        {
            state.Restore(stateDir, model, optimizer);
            history = HistoryCsv.Read(Path.Combine(stateDir, "history.csv"), HistoryCsv.PretrainColumns);
            progress($"resuming after epoch {state.EpochsDone}/{settings.Pretrain.Epochs} from {stateDir}");
        }
        state ??= new PretrainResumeState(fingerprint, 0, double.PositiveInfinity, 0, 0);

        var stopReason = "max_epochs";
        for (var epoch = state.EpochsDone; epoch < settings.Pretrain.Epochs; epoch++)
        {
            if (state.BadEpochs >= settings.Pretrain.Patience) { stopReason = "early_stopping"; break; }
            var clock = Stopwatch.StartNew();
            var lr = settings.Optimizer.Lr * LearningRateSchedule.Factor(settings.Optimizer, epoch, settings.Pretrain.Epochs);
            OptimizerFactory.SetLearningRates(optimizer, groups, settings.Optimizer.Lr, lr / settings.Optimizer.Lr);
            var lastGood = state.EpochsDone > 0
                ? $"The last good checkpoint (epoch {state.EpochsDone}) is {Path.Combine(stateDir, "last.pt")}."
                : "No epoch had finished, so there is no checkpoint.";
            var trainLoss = AutoencoderEpochs.Train(model, optimizer, train, settings, epoch, lastGood);
            var valLoss = AutoencoderEpochs.Validate(model, val, settings.Pretrain.BatchSize);
            if (!double.IsFinite(valLoss))
                throw new TrainingDivergedException($"Pretrain: the validation loss became {valLoss} at epoch {epoch + 1}; training stopped. {lastGood}");
            history.Add(epoch + 1, trainLoss, valLoss, lr, Math.Round(clock.Elapsed.TotalSeconds, 3));
            var improved = valLoss < state.BestValLoss;
            if (improved) ModelFiles.Save(model, Path.Combine(stateDir, "autoencoder.pt"));
            state = improved
                ? state with { EpochsDone = epoch + 1, BestValLoss = valLoss, BestEpoch = epoch + 1, BadEpochs = 0 }
                : state with { EpochsDone = epoch + 1, BadEpochs = state.BadEpochs + 1 };
            state.Save(stateDir, model, optimizer, history);
            progress($"epoch {epoch + 1}/{settings.Pretrain.Epochs} train_loss {trainLoss:G4} val_loss {valLoss:G4} lr {lr:G3}");
            cancel.ThrowIfCancellationRequested();
        }
        if (state.BadEpochs >= settings.Pretrain.Patience) stopReason = "early_stopping";

        Publish(stateDir, outputDir);
        ModelFiles.WriteJson(Path.Combine(outputDir, "model.json"),
            Description(architecture, settings, indexSha256, cohort, train.Count, val.Count, state, history, stopReason));
        if (resumeDir is not null) PretrainResumeState.Clear(resumeDir);
    }

    private static SampleSet LoadSplit(PreprocessedCohort cohort, string split, EncoderArchitecture architecture)
    {
        var subjects = cohort.Split(split);
        if (subjects.Count == 0)
            throw new TrainingInputException($"{Path.Combine(cohort.Root, "index.csv")}: no subjects in the '{split}' split; Pretrain needs AD train and val subjects");
        return SampleSet.Load(cohort, subjects, architecture, labelled: false);
    }

    private static void Publish(string stateDir, string outputDir)
    {
        if (Path.GetFullPath(stateDir) == Path.GetFullPath(outputDir))
        {
            File.Delete(Path.Combine(outputDir, PretrainResumeState.FileName));
            File.Delete(Path.Combine(outputDir, PretrainResumeState.OptimizerFile));
            return;
        }
        foreach (var name in new[] { "autoencoder.pt", "last.pt", "history.csv" })
            File.Copy(Path.Combine(stateDir, name), Path.Combine(outputDir, name), overwrite: true);
    }

    private static JsonObject Description(EncoderArchitecture architecture, PretrainSettings settings, string indexSha256,
        PreprocessedCohort cohort, int trainSamples, int valSamples, PretrainResumeState state, HistoryCsv history, string stopReason) => new()
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
        ["epochs_run"] = state.EpochsDone,
        ["best_epoch"] = state.BestEpoch,
        ["best_val_loss"] = state.BestValLoss,
        ["final_val_loss"] = history.Rows[^1][2],
        ["stop_reason"] = stopReason,
    };
}
