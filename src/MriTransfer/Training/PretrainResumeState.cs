using System.Text.Json.Nodes;
using MriTransfer.Models;
using MriTransfer.Training.Loop;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MriTransfer.Training;

/// <summary>
/// Pretrain's resumable state in its state folder: <c>last.pt</c> (model after the last finished epoch),
/// <c>optimizer.pt</c>, <c>autoencoder.pt</c> (best so far), <c>history.csv</c>, and <c>resume.json</c> (the loop's
/// state) written last, so a state folder is resumable only once every file of its epoch is in place. A state is used
/// only when its fingerprint (settings + AD index.csv) equals the current run's: other params start from scratch.
/// </summary>
internal sealed record PretrainResumeState(string Fingerprint, LoopState Loop)
{
    public const string FileName = "resume.json", OptimizerFile = "optimizer.pt";

    public void Save(string stateDir, nn.Module model, optim.Optimizer optimizer, TrainingHistory history)
    {
        ModelFiles.Save(model, Path.Combine(stateDir, "last.pt"));
        var optimizerTemp = Path.Combine(stateDir, OptimizerFile + ".tmp");
        ((OptimizerHelper)optimizer).save_state_dict(optimizerTemp);
        File.Move(optimizerTemp, Path.Combine(stateDir, OptimizerFile), overwrite: true);
        history.Write(Path.Combine(stateDir, TrainingHistory.FileName));
        ModelFiles.WriteJson(Path.Combine(stateDir, FileName), new JsonObject
        {
            ["fingerprint"] = Fingerprint,
            ["epochs_done"] = Loop.EpochsDone,
            ["best_val_loss"] = Loop.Best!.Loss,
            ["best_epoch"] = Loop.BestEpoch,
            ["bad_epochs"] = Loop.BadEpochs,
        });
    }

    /// <summary>The loop state and history saved for this fingerprint with the model and optimizer restored, or null
    /// (no state, or state of other params/data) with the folder cleared.</summary>
    public static (LoopState Loop, TrainingHistory History)? TryResume(string stateDir, string fingerprint, nn.Module model, optim.Optimizer optimizer)
    {
        var path = Path.Combine(stateDir, FileName);
        var json = File.Exists(path) ? ModelFiles.ReadJson(path) : null;
        if (json is null || (string?)json["fingerprint"] != fingerprint)
        {
            Clear(stateDir);
            return null;
        }
        ModelFiles.Load(model, Path.Combine(stateDir, "last.pt"));
        ((OptimizerHelper)optimizer).load_state_dict(Path.Combine(stateDir, OptimizerFile));
        var loop = new LoopState((int)json["epochs_done"]!, new ValidationScore((double)json["best_val_loss"]!, null), (int)json["best_epoch"]!, (int)json["bad_epochs"]!);
        return (loop, TrainingHistory.Read(Path.Combine(stateDir, TrainingHistory.FileName), classifies: false));
    }

    public static void Clear(string stateDir)
    {
        foreach (var name in new[] { FileName, OptimizerFile, "last.pt", "autoencoder.pt", TrainingHistory.FileName })
            File.Delete(Path.Combine(stateDir, name));
    }
}
