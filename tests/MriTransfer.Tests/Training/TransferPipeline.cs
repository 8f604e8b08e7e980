using MriTransfer.Training;

namespace MriTransfer.Tests.Training;

/// <summary>Runs Pretrain → ExportEncoder on a tiny AD cohort once per test class (the slow part shared by classifier tests).</summary>
public sealed class TransferPipeline : IDisposable
{
    public TransferPipeline()
    {
        Ad = new TinyCohort(["AD", "CN"], trainPerClass: 2, valPerClass: 1);
        Temp = new TempDir();
        PretrainDir = Temp.Sub("pretrain");
        EncoderDir = Temp.Sub("encoder");
        Pretraining.Run(Ad.Root, PretrainDir, TrainingParams.Pretrain(), _ => { });
        EncoderExport.Run(PretrainDir, EncoderDir);
    }

    public TinyCohort Ad { get; }
    public TempDir Temp { get; }
    public string PretrainDir { get; }
    public string EncoderDir { get; }

    public void Dispose()
    {
        Ad.Dispose();
        Temp.Dispose();
    }
}
