using System.Text.Json.Nodes;
using MriTransfer.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MriTransfer.Training;

/// <summary>
/// Pretrain's resumable state in its state folder: <c>last.pt</c> (model after the last finished epoch),
/// <c>optimizer.pt</c>, <c>autoencoder.pt</c> (best so far), <c>history.csv</c>, and <c>resume.json</c> written last
/// (so a state folder is resumable only once every file of its epoch is in place). A state is used only when its
/// fingerprint (settings + AD index.csv) equals the current run's: other params start from scratch.
/// </summary>
internal sealed record PretrainResumeState(string Fingerprint, int EpochsDone, double BestValLoss, int BestEpoch, int BadEpochs)
{
    public const string FileName = "resume.json", OptimizerFile = "optimizer.pt";

    public void Save(string stateDir, nn.Module model, optim.Optimizer optimizer, HistoryCsv history)
    {
        ModelFiles.Save(model, Path.Combine(stateDir, "last.pt"));
        var optimizerTemp = Path.Combine(stateDir, OptimizerFile + ".tmp");
        ((OptimizerHelper)optimizer).save_state_dict(optimizerTemp);
        File.Move(optimizerTemp, Path.Combine(stateDir, OptimizerFile), overwrite: true);
        history.Write(Path.Combine(stateDir, "history.csv"));
        ModelFiles.WriteJson(Path.Combine(stateDir, FileName), new JsonObject
        {
            ["fingerprint"] = Fingerprint,
            ["epochs_done"] = EpochsDone,
            ["best_val_loss"] = BestValLoss,
            ["best_epoch"] = BestEpoch,
            ["bad_epochs"] = BadEpochs,
        });
    }

    /// <summary>The state saved for this fingerprint, or null (no state, or state of other params/data).</summary>
    public static PretrainResumeState? TryLoad(string stateDir, string fingerprint)
    {
        var path = Path.Combine(stateDir, FileName);
        if (!File.Exists(path)) return null;
        var json = ModelFiles.ReadJson(path);
        if ((string?)json["fingerprint"] != fingerprint) return null;
        return new PretrainResumeState(fingerprint, (int)json["epochs_done"]!, (double)json["best_val_loss"]!, (int)json["best_epoch"]!, (int)json["bad_epochs"]!);
    }

    public void Restore(string stateDir, nn.Module model, optim.Optimizer optimizer)
    {
        ModelFiles.Load(model, Path.Combine(stateDir, "last.pt"));
        ((OptimizerHelper)optimizer).load_state_dict(Path.Combine(stateDir, OptimizerFile));
    }

    public static void Clear(string stateDir)
    {
        foreach (var name in new[] { FileName, OptimizerFile, "last.pt", "autoencoder.pt", "history.csv" })
            File.Delete(Path.Combine(stateDir, name));
    }
}
