using MriTransfer.Models;

namespace MriTransfer.Tests.Models;

[Collection(MriTransfer.Tests.Training.TorchCollection.Name)]
public class NormInitialisationTests
{
    [Theory]
    [InlineData(2, "group")]
    [InlineData(3, "group")]
    [InlineData(2, "instance")]
    [InlineData(3, "instance")]
    [InlineData(3, "batch")]
    public void Every_norm_starts_as_the_identity_affine(int dims, string norm)
    {
        // Given fresh encoders (TorchSharp leaves some norm parameters uninitialised; ours must not)
        for (var i = 0; i < 5; i++)
        {
            using var encoder = new Encoder(EncoderArchitecture.Create(dims, [4, 8], norm: norm, normGroups: 2));

            var norms = encoder.named_parameters().Where(p => p.name.Contains(".norm.")).ToList();

            Assert.NotEmpty(norms);
            Assert.All(norms, p => Assert.Equal(p.name.EndsWith("weight") ? 1f : 0f, p.parameter.data<float>().ToArray().Distinct().Single()));
        }
    }
}
