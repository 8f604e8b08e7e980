using System.Globalization;
using System.Reflection;
using TorchSharp;
using static TorchSharp.torch;

namespace MriTransfer.Models;

/// <summary>One convolution or linear layer's forward arithmetic per sample.</summary>
public sealed record LayerFlops(string Name, string Kind, double Forward, TorchSharp.Modules.Parameter Weight)
{
    /// <summary>Forward + backward: 3 × forward (input and weight gradients) when the weight trains, 1 × when frozen
    /// (a frozen encoder sits upstream of everything trained, so nothing flows back through it).</summary>
    public double Training => Weight.requires_grad ? 3 * Forward : Forward;
}

/// <summary>
/// The floating-point operations of a model's convolutions and linear layers (a multiply-add counts 2; norms,
/// activations, pooling and the optimizer are left out: they are memory traffic, not arithmetic), found by tracing one
/// forward pass of a zero sample that records each layer's input and output shape. The trace runs in eval
/// mode without gradients and restores the training flag, so it draws no random numbers and changes no weights or
/// running statistics.
/// </summary>
public sealed class FlopCount
{
    private FlopCount(IReadOnlyList<LayerFlops> layers) => Layers = layers;

    public IReadOnlyList<LayerFlops> Layers { get; }
    public double ForwardPerSample => Layers.Sum(l => l.Forward);
    /// <summary>Training arithmetic per sample at the weights' current requires_grad.</summary>
    public double TrainingPerSample => Layers.Sum(l => l.Training);

    /// <summary>The layers whose weights train now: what runs when a frozen encoder's features are stored.</summary>
    public FlopCount TrainedOnly() => new(Layers.Where(l => l.Weight.requires_grad).ToList());

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Layers.Count} conv/linear layers, {ForwardPerSample / 1e9:F3} GFLOP forward and {TrainingPerSample / 1e9:F3} GFLOP training per sample");

    /// <param name="sampleShape">one sample's shape, (1, …) without the batch axis.</param>
    public static FlopCount Trace(nn.Module<Tensor, Tensor> model, long[] sampleShape)
    {
        var layers = new List<LayerFlops>();
        var undo = new List<Action>();
        var wasTraining = model.training;
        try
        {
            var counted = model.named_modules().Prepend(("", model)).Where(m => m.module is nn.Module<Tensor, Tensor> && IsCounted(m.module.GetType().Name))
                .ToDictionary(m => m.module, m => m.name);
            void Record(string name, nn.Module layer, Tensor input, Tensor output)
            {
                var weight = layer.named_parameters().FirstOrDefault(p => p.name == "weight").parameter;
                if (weight is not null)
                    layers.Add(new LayerFlops(name, layer.GetType().Name, Forward(layer.GetType().Name, weight, input.shape, output.shape), weight));
            }
            // Layers called through call() (Sequential) fire hooks; layers a module calls as field.forward(x) do not,
            // so those fields are swapped for a recorder for the trace and put back after it.
            foreach (var (layer, name) in counted)
            {
                var hook = ((nn.Module<Tensor, Tensor>)layer).register_forward_hook((_, input, output) => { Record(name, layer, input, output); return output; });
                undo.Add(hook.remove);
            }
            foreach (var (_, owner) in model.named_modules().Prepend(("", model)))
                for (var type = owner.GetType(); type is not null && type != typeof(nn.Module); type = type.BaseType)
                    foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
                        if (field.GetValue(owner) is nn.Module<Tensor, Tensor> layer && counted.TryGetValue(layer, out var name)
                            && field.FieldType.IsAssignableFrom(typeof(Recorder)))
                        {
                            field.SetValue(owner, new Recorder(layer, (input, output) => Record(name, layer, input, output)));
                            var (f, o) = (field, owner);
                            undo.Add(() => f.SetValue(o, layer));
                        }
            model.eval();
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            model.call(zeros([2, .. sampleShape])); // call fires the hooks, so a model that is itself one layer counts too
        }
        finally
        {
            foreach (var action in undo) action();
            model.train(wasTraining);
        }
        return new FlopCount(layers);
    }

    /// <summary>Stands in for a layer during the trace: runs it and reports its input and output.</summary>
    private sealed class Recorder(nn.Module<Tensor, Tensor> layer, Action<Tensor, Tensor> record) : nn.Module<Tensor, Tensor>("FlopRecorder")
    {
        public override Tensor forward(Tensor input)
        {
            var output = layer.forward(input);
            record(input, output);
            return output;
        }
    }

    private static bool IsCounted(string kind) => kind is "Linear" || kind.StartsWith("Conv", StringComparison.Ordinal);

    /// <summary>Per sample (the trace runs a batch of 2): 2 × weights × output positions for a convolution, × input
    /// positions for a transposed one, 2 × weights for a linear layer.</summary>
    private static double Forward(string kind, Tensor weight, long[] input, long[] output)
    {
        double weights = weight.numel();
        if (kind == "Linear") return 2 * weights * (input.Length > 2 ? input[1..^1].Aggregate(1L, (a, n) => a * n) : 1);
        var positions = (kind.StartsWith("ConvTranspose", StringComparison.Ordinal) ? input : output)[2..].Aggregate(1L, (a, n) => a * n);
        return 2 * weights * positions;
    }
}
