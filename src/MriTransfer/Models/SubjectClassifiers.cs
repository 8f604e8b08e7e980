using System.Text.Json;
using MriTransfer.Models.ImageNet;
using Pipeline.Errors;

namespace MriTransfer.Models;

/// <summary>Loads any trained classifier folder (model.json + model.pt) by the kind recorded in model.json.</summary>
public static class SubjectClassifiers
{
    public static ISubjectClassifier Load(string modelDir)
    {
        var modelJson = Path.Combine(modelDir, "model.json");
        if (!File.Exists(modelJson))
            throw new InputException($"{modelJson}: missing; is {modelDir} the output of a training stage?");
        using var doc = JsonDocument.Parse(File.ReadAllText(modelJson));
        var kind = doc.RootElement.GetProperty("kind").GetString();
        return kind switch
        {
            EncoderClassifierPredictor.Kind => EncoderClassifierPredictor.Load(modelDir),
            ResNetSliceModelInfo.KindName => ResNetSliceClassifier.Load(modelDir),
            _ => throw new InputException($"{modelJson}: unknown classifier kind '{kind}'"),
        };
    }
}
