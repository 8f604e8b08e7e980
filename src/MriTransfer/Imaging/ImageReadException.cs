using Pipeline.Errors;

namespace MriTransfer.Imaging;

/// <summary>
/// A file that cannot be read as an image: the message starts with the file's path and says which field or part of
/// the file is wrong and what was expected.
/// </summary>
public class ImageReadException : InputException
{
    public ImageReadException(string path, string problem, Exception? inner = null)
        : base($"{path}: {problem}", inner)
    {
        FilePath = path;
        Problem = problem;
    }

    public string FilePath { get; }
    public string Problem { get; }
}

/// <summary>The voxels contain NaN or ±Inf and the caller did not allow it.</summary>
public sealed class NonFiniteVoxelsException(string path, long count, int[] firstIndex)
    : ImageReadException(path,
        $"{count} voxel(s) are NaN or infinite (first at voxel [{string.Join(", ", firstIndex)}]); " +
        "fix the file or read it with VolumeReadOptions.AllowNonFinite = true")
{
    public long Count { get; } = count;
    public int[] FirstIndex { get; } = firstIndex;
}
