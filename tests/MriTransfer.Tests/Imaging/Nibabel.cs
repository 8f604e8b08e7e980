using System.Diagnostics;
using System.Text.Json;

namespace MriTransfer.Tests.Imaging;

/// <summary>
/// Asks nibabel (Debian's python3-nibabel, run with /usr/bin/python3) what it reads from a file a test wrote: the
/// image class nib.load chose, shape, affine, voxels (x fastest) and per-volume statistics. Without python3-nibabel
/// the test fails with the install command, as the DICOM tests do without dcm2niix.
/// </summary>
internal static class Nibabel
{
    private const string Script = """
        import json, sys
        import numpy as np
        import nibabel as nib
        img = nib.load(sys.argv[1])
        data = np.asarray(img.get_fdata(), dtype=np.float64)
        vols = data.reshape(data.shape[:3] + (-1,)) if data.ndim >= 3 else data.reshape(data.shape + (1,) * (4 - data.ndim))
        def stats(a):
            a = np.sort(a[np.isfinite(a)].ravel())
            q = lambda p: float(a[int(round(p * (len(a) - 1)))])
            return dict(min=float(a[0]), max=float(a[-1]), mean=float(a.mean()), sd=float(a.std()), p1=q(0.01), p50=q(0.5), p99=q(0.99),
                        nonzero=float(np.count_nonzero(a)) / len(a))
        print(json.dumps(dict(cls=type(img).__name__, shape=list(img.shape), affine=img.affine.tolist(),
                              voxels=data.ravel(order='F').tolist(),
                              volumes=[stats(vols[..., t]) for t in range(vols.shape[3])], overall=stats(data))))
        """;

    public static JsonElement Load(string path)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-c", Script, path }) start.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"nibabel could not load {path} (exit {process.ExitCode}): {error.Result}" +
                    (error.Result.Contains("No module named", StringComparison.Ordinal) ? " — install it with: apt-get install python3-nibabel" : ""));
            using var json = JsonDocument.Parse(output);
            return json.RootElement.Clone();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"these tests compare with nibabel, which needs /usr/bin/python3 ({e.Message}); install it with: apt-get install python3-nibabel", e);
        }
    }

    public static double[,] Affine(JsonElement nib)
    {
        var a = new double[4, 4];
        var rows = nib.GetProperty("affine").EnumerateArray().ToList();
        for (var r = 0; r < 4; r++)
            for (var c = 0; c < 4; c++) a[r, c] = rows[r][c].GetDouble();
        return a;
    }
}
