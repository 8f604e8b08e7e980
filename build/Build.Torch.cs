using Pipeline.Engine;

// Every stage that runs libtorch declares it through TorchStage: its threads, and the environment that pins
// libtorch's CPU kernels when runtime.reproducible_kernels is on (README, "Reproducibility";
// benchmarks/reproducibility.md measures what each variable changes).
partial class Build
{
    /// <summary>
    /// libtorch picks its vector kernels by the CPU it finds (ATen's dispatch, oneDNN's JIT, MKL's BLAS and vector
    /// math), so the same training sums in a different order on an AVX-512 and an AVX2 machine. These variables fix
    /// ATen and oneDNN to AVX2, which every x86-64 machine this project runs on has, and MKL to its compatible code
    /// path: with MKL_CBWR=AVX2 a linear layer and exp/tanh still differed between this Xeon and an emulated AMD EPYC
    /// (benchmarks/reproducibility.md, "Kernel probe"); with COMPATIBLE they agree bit for bit.
    /// </summary>
    static readonly IReadOnlyDictionary<string, string> PinnedKernels = new Dictionary<string, string>
    {
        ["ATEN_CPU_CAPABILITY"] = "avx2",   // ATen's element-wise, reduction and pooling kernels
        ["ONEDNN_MAX_CPU_ISA"] = "AVX2",    // oneDNN's JIT convolutions, batch norm and pooling
        ["MKL_CBWR"] = "COMPATIBLE",        // MKL's conditional numerical reproducibility, vendor-independent (linear layers, exp)
    };

    /// <summary>
    /// glibc's malloc gives freed heap back to the kernel, so libtorch page-faults its working set anew every step:
    /// ImageNetFineTune took 23.4 million minor faults. Never trimming the heap top and growing it 1 GiB at a time cut
    /// them to 0.2 million and the stage from 202 s to 182 s with the same model.pt (benchmarks/training.md, "Page
    /// faults"). The resident size stays at the peak the stage reaches anyway (the top pad is address space until used);
    /// other C libraries ignore these variables. (MALLOC_MMAP_THRESHOLD_ above 32 MiB is refused by glibc: no use.)
    /// </summary>
    static readonly IReadOnlyDictionary<string, string> ResidentHeap = new Dictionary<string, string>
    {
        ["MALLOC_TRIM_THRESHOLD_"] = "17179869184",  // return free heap top to the kernel only above 16 GiB: never, here
        ["MALLOC_TOP_PAD_"] = "1073741824",          // grow the heap 1 GiB at a time
    };

    /// <summary>Declared by the stages that hold sample sets (Pretrain, the encoder classifiers): above this share of the
    /// available memory they memory-map them. Results do not depend on it.</summary>
    const string SampleMemoryKey = "runtime.sample_memory_fraction";

    /// <summary>A stage that trains or runs a network: takes runtime.torch_threads cores, keeps its heap resident, and the
    /// pinned kernels unless runtime.reproducible_kernels is off (the variables, not the key, are its fingerprint and pipeline.lock's record).</summary>
    StageDefinition TorchStage(StageDefinition stage)
    {
        stage.Params("runtime.torch_threads").Threads("runtime.torch_threads").Environment(ResidentHeap);
        if (Params is { } p && p.Has("runtime.reproducible_kernels") && !p.GetBool("runtime.reproducible_kernels")) return stage;
        if (!MachineDescription.HasAvx2)
            throw new UsageException($"runtime.reproducible_kernels pins libtorch to AVX2, which this CPU ({MachineDescription.Cpu}) lacks; set runtime.reproducible_kernels: false in params.yaml");
        return stage.Environment(PinnedKernels);
    }
}
