using MriTransfer.Models.ImageNet;

namespace MriTransfer.Tests.ImageNet;

/// <summary>Reads the package's ResNet-18 graph once per test class (63 MB) and loads it into a backbone.</summary>
public sealed class ResNet18Fixture : IDisposable
{
    public ResNet18Fixture()
    {
        ModelPath = ResNet18Package.VerifiedModel();
        Graph = OnnxModelReader.ReadGraph(ModelPath);
        Backbone = new ResNet18Backbone();
        ResNet18OnnxImporter.Load(Graph, Backbone, ModelPath);
        Backbone.eval();
    }

    public string ModelPath { get; }
    public OnnxGraph Graph { get; }
    public ResNet18Backbone Backbone { get; }

    public void Dispose() => Backbone.Dispose();
}
