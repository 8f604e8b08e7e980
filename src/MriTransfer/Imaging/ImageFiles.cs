using System.IO.Compression;

namespace MriTransfer.Imaging;

/// <summary>File-name and stream helpers shared by the readers and writers.</summary>
internal static class ImageFiles
{
    public static bool HasExtension(string path, params string[] extensions) =>
        extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Opens a file for reading, decompressing it when its content starts with the gzip magic (whatever its name),
    /// and failing clearly when a file named .gz is not gzip data.
    /// </summary>
    public static Stream OpenMaybeGzip(string path, out bool compressed)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Span<byte> magic = stackalloc byte[2];
        var got = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        compressed = got == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        if (compressed) return new GZipStream(file, CompressionMode.Decompress, leaveOpen: false);
        if (HasExtension(path, ".gz"))
        {
            file.Dispose();
            throw new ImageReadException(path, "the name ends in .gz but the file does not start with the gzip magic bytes 1f 8b");
        }
        return file;
    }

    /// <summary>Skips forward by reading (works for non-seekable streams such as gzip).</summary>
    public static long Skip(Stream stream, long count)
    {
        if (count <= 0) return 0;
        if (stream.CanSeek)
        {
            var available = Math.Min(count, stream.Length - stream.Position);
            stream.Seek(available, SeekOrigin.Current);
            return available;
        }
        var buffer = new byte[(int)Math.Min(count, 1 << 16)];
        long skipped = 0;
        while (skipped < count)
        {
            var n = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, count - skipped));
            if (n == 0) break;
            skipped += n;
        }
        return skipped;
    }

    /// <summary>Writes through a temporary file in the same folder, then moves it into place.</summary>
    public static void WriteAtomically(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + "." + Environment.ProcessId + "." + Environment.CurrentManagedThreadId + ".tmp";
        try
        {
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var stream = HasExtension(full, ".gz") ? new GZipStream(file, CompressionLevel.Fastest) : (Stream)file)
                write(stream);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
