using Pipeline.Engine;

// Every key of params.yaml: its type, range and meaning. The engine validates the whole file (and every --set)
// against this before anything runs, and reports all problems at once with file:line.
partial class Build
{
    /// <summary>Every top-level group: the report shows the params used, so it declares them all.</summary>
    static readonly string[] EveryParamsGroup =
        ["data", "synthesize", "preprocess", "preprocess_ad", "preprocess_bt", "model", "pretrain", "classifier", "head", "finetune",
         "train", "imagenet", "evaluate", "report", "learning_curve", "runtime"];

    static readonly ParamSpec[] Schema =
    [
        .. SynthesizeParams(), .. PreprocessParams(), .. ModelParams(), .. PretrainParams(), .. ClassifierParamSpecs(),
        .. ImageNetParamSpecs(), .. EvaluateParams(),
        ParamSpec.String("data.ad", "your own AD cohort: manifest.csv, a folder holding one, or class folders (empty = synthetic)"),
        ParamSpec.String("data.bt", "your own BT cohort: manifest.csv, a folder holding one, or class folders (empty = synthetic)"),
        ParamSpec.Int("train.seed", "seed of weights and data order of every classifier (set per learning-curve cell)", min: 0),
        ParamSpec.Double("train.label_fraction", "fraction of the labelled BT train subjects used (nested subsets)", min: 0.001, max: 1),
        ParamSpec.DoubleList("learning_curve.fractions", "label fractions of the learning curve (keep them among preprocess_bt.label_fractions)", min: 0.001, max: 1),
        ParamSpec.IntList("learning_curve.seeds", "training seeds of the learning curve", min: 0),
        ParamSpec.IntList("learning_curve.pretrain_seeds", "pretraining seeds of the learning curve's AD arms and BT control (each pretrains both autoencoders again; the head and fine-tune cells run from each encoder)", min: 0),
        ParamSpec.Int("runtime.torch_threads", "libtorch threads per stage process", min: 1, max: 256),
        ParamSpec.Double("runtime.sample_memory_fraction", "Pretrain and the encoder classifiers memory-map a sample set (from a file in the temp folder) larger than this share of the available memory; 0 = always, 1 = only when it exceeds it all; results do not change", min: 0, max: 1),
        ParamSpec.Bool("runtime.reproducible_kernels", "pin libtorch's CPU kernels to AVX2, so every x86-64 machine trains the same weights (README, Reproducibility); false = this CPU's fastest kernels"),
    ];

    static ParamSpec[] SynthesizeParams() =>
    [
        ParamSpec.Int("synthesize.seed", "master seed of the synthetic cohorts"),
        ParamSpec.Int("synthesize.ad_subjects", "AD scans (CN / MCI / AD in turn)", min: 3, max: 100_000),
        ParamSpec.Int("synthesize.bt_subjects", "BT scans (no_tumor / glioma / meningioma / pituitary)", min: 4, max: 100_000),
        ParamSpec.IntList("synthesize.shape", "voxel grid of the synthetic heads", min: 16, max: 512),
        ParamSpec.Double("synthesize.spacing_mm", "isotropic voxel size in mm", min: 0.5, max: 10),
        ParamSpec.Double("synthesize.difficulty", "0 = large bright tumours, 1 = small faint ones", min: 0, max: 1),
        ParamSpec.Double("synthesize.noise", "Rician noise SD relative to white matter", min: 0, max: 0.5),
        ParamSpec.Double("synthesize.bias_field", "bias-field strength", min: 0, max: 1),
        ParamSpec.Double("synthesize.max_rotation_deg", "head pose rotation per axis", min: 0, max: 30),
        ParamSpec.Double("synthesize.max_shift_mm", "head pose shift", min: 0, max: 20),
        ParamSpec.Double("synthesize.bt_repeat_fraction", "share of BT patients with a second scan", min: 0, max: 1),
        ParamSpec.Bool("synthesize.compress", "write .nii.gz (true) or .nii"),
        ParamSpec.Choice("synthesize.ad_contrast", "the AD cohort's look: t1 (gradient echo, the domain gap open) or t1ce (the BT cohort's contrast-enhanced T1, the contrast gap closed)", "t1", "t1ce"),
        ParamSpec.Int("synthesize.test_seed", "seed of the BT test patients (round(bt_subjects × preprocess_bt.test_fraction) scans, the manifest's predefined test split; must differ from synthesize.seed); unset: Preprocess splits every BT patient at random", min: 0).Optional(),
    ];

    static ParamSpec[] PreprocessParams() =>
    [
        ParamSpec.Choice("preprocess.mode", "3-D volumes or 2-D slices for 2-D models", "3d", "2d"),
        ParamSpec.IntList("preprocess.target_shape", "model input shape in voxels (3 integers)", min: 4, max: 1024),
        ParamSpec.DoubleList("preprocess.target_spacing", "resampled voxel size in mm (3 numbers)", min: 0.05, max: 50),
        ParamSpec.IntList("preprocess.slice_shape", "2-D mode: slice size (2 integers)", min: 4, max: 4096),
        ParamSpec.Int("preprocess.slices", "2-D mode: axial slices per volume", min: 1, max: 512),
        ParamSpec.Choice("preprocess.foreground", "head mask for cropping and normalisation", "fraction", "otsu"),
        ParamSpec.Double("preprocess.foreground_fraction", "fraction-of-robust-max threshold of the head mask", min: 0.001, max: 0.999),
        ParamSpec.Int("preprocess.crop_margin", "voxels kept around the head's bounding box", min: 0, max: 256),
        ParamSpec.Choice("preprocess.normalize", "intensity normalisation after percentile clipping", "zscore", "minmax"),
        ParamSpec.DoubleList("preprocess.clip_percentiles", "[low, high] clipping percentiles", min: 0, max: 100),
        ParamSpec.Int("preprocess.workers", "subjects processed in parallel (memory grows with it, not with the cohort)", min: 1, max: 256),
        ParamSpec.Int("preprocess.qc_per_class", "subjects per class in the QC montage", min: 1, max: 64),
        ParamSpec.String("preprocess.modality_suffix", "multi-modal cohort folders (BraTS): read only files named *<suffix>.nii.gz, e.g. _t1ce; empty = every image"),
        ParamSpec.Int("preprocess.volume_index", "4-D files: the volume (0-based) each subject's file is read at; unset: 4-D files are refused", min: 0).Optional(),
        ParamSpec.Int("preprocess.near_duplicate_distance", "perceptual-hash distance under which images are near-duplicates kept in one split (0 = off)", min: 0, max: 32),
        ParamSpec.Choice("preprocess.duplicates_across_predefined", "near-duplicates on both sides of a dataset's own train/test split: refuse the cohort, or drop the test copies (listed in excluded.csv)", "fail", "drop_from_test"),
        ParamSpec.Choice("preprocess.on_bad_subject", "an unusable subject (unreadable, 4-D, NaN, empty...): fail the stage, or exclude it (listed in excluded.csv) up to preprocess.max_excluded_fraction", "exclude", "fail"),
        ParamSpec.Double("preprocess.max_excluded_fraction", "largest share of a cohort that may be excluded; above it the stage fails naming every bad subject", min: 0, max: 1),
        ParamSpec.Choice("preprocess.nonfinite", "NaN/Inf voxels: the subject is unusable (fail), or they become 0 (zero) or the nearest finite voxel's value (nearest)", "fail", "zero", "nearest"),
        ParamSpec.Int("preprocess.seed", "seed of the subject-level splits", min: 0),
        ParamSpec.Int("preprocess.k_folds", "0 = off, else k cross-validation folds of the train part", min: 0, max: 50),
        ParamSpec.Choice("preprocess_ad.role", "the AD cohort gets train/val only", "ad"),
        ParamSpec.Double("preprocess_ad.val_fraction", "AD validation share (autoencoder early stopping)", min: 0.01, max: 0.99),
        ParamSpec.Choice("preprocess_bt.role", "the BT cohort gets train/val/test", "bt"),
        ParamSpec.Double("preprocess_bt.val_fraction", "BT validation share", min: 0.01, max: 0.99),
        ParamSpec.Double("preprocess_bt.test_fraction", "BT held-out test share (read by Evaluate only)", min: 0.01, max: 0.99),
        ParamSpec.DoubleList("preprocess_bt.label_fractions", "nested label fractions of BT train", min: 0.001, max: 1),
    ];

    static ParamSpec[] ModelParams() =>
    [
        ParamSpec.IntList("model.channels", "encoder channels per block (depth = count; input side must divide by 2^depth)", min: 1, max: 1024),
        ParamSpec.Choice("model.block", "encoder block design: plain = two convolutions at the block's input resolution, then a stride-2 downsampling; strided = a stride-2 convolution to the block's width, then one at the halved resolution (the decoder mirrors it, with no full-resolution convolution)",
            "plain", "strided"),
        ParamSpec.Choice("model.norm", "normalisation layer", "batch", "instance", "group"),
        ParamSpec.Int("model.norm_groups", "groups of group norm", min: 1, max: 1024),
        ParamSpec.Choice("model.activation", "activation", "relu", "leaky_relu", "elu", "gelu", "silu"),
        ParamSpec.Choice("model.readout", "how every encoder arm and probe reads the encoder: gap = mean of the last block; gap_gmp = its mean and max; multiscale = mean and max of every block; flatten = the whole bottleneck; attention = learned attention pooling of the bottleneck",
            "gap", "gap_gmp", "multiscale", "flatten", "attention"),
        ParamSpec.IntList("model.head_hidden", "hidden sizes of the classifier's MLP head", min: 1, max: 65_536),
        ParamSpec.Double("model.dropout", "dropout before the head", min: 0, max: 0.99),
    ];

    static ParamSpec[] PretrainParams() =>
    [
        ParamSpec.Choice("pretrain.variant", "autoencoder variant", "plain", "denoising", "masked"),
        ParamSpec.Double("pretrain.noise_std", "denoising: Gaussian noise SD", min: 0, max: 10),
        ParamSpec.Double("pretrain.mask_ratio", "masked: share of blanked cubes", min: 0, max: 0.9),
        ParamSpec.Int("pretrain.mask_cube", "masked: cube side in voxels", min: 1, max: 64),
        ParamSpec.Int("pretrain.epochs", "maximum epochs", min: 1, max: 10_000),
        ParamSpec.Int("pretrain.batch_size", "volumes per batch", min: 1, max: 512),
        ParamSpec.Int("pretrain.patience", "early stopping: epochs without an improvement of AD val loss (pretrain.min_improvement) before training stops", min: 1, max: 10_000),
        ParamSpec.Double("pretrain.min_improvement", "an epoch improves when AD val loss falls below the best × (1 − this): 0.01 = stop once it has flattened to under 1 % per epoch", min: 0, max: 0.5),
        ParamSpec.IntList("pretrain.patch_shape", "random sub-volumes the autoencoder trains on, each axis a multiple of 2^depth and at most the volume's ([] = whole volumes; validation always scores whole volumes)", min: 1, max: 4096),
        ParamSpec.Int("pretrain.seed", "seed of weights, noise, masks and data order", min: 0),
        .. OptimizerParams("pretrain"),
        .. AugmentParams("pretrain"),
    ];

    static ParamSpec[] ClassifierParamSpecs() =>
    [
        ParamSpec.Int("classifier.epochs", "maximum epochs of every encoder arm (TrainHead, FineTune, TrainScratch: the same budget)", min: 1, max: 10_000),
        ParamSpec.Int("classifier.warmup_epochs", "linear learning-rate warm-up epochs of every encoder arm", min: 0, max: 100),
        ParamSpec.Int("classifier.batch_size", "volumes per batch (≥ 8 keeps batch-norm statistics of the trained encoders meaningful)", min: 1, max: 512),
        ParamSpec.Int("classifier.patience", "early-stopping patience on BT val", min: 1, max: 10_000),
        ParamSpec.Choice("classifier.monitor", "early-stopping signal", "val_balanced_accuracy", "val_loss"),
        ParamSpec.Bool("classifier.class_weighted", "class-weighted cross-entropy for imbalanced cohorts"),
        .. OptimizerParams("classifier"),
        .. AugmentParams("classifier"),
        ParamSpec.Bool("head.adapt_norm", "TrainHead: re-estimate a batch-norm encoder's statistics on BT train before freezing it (AdaBN); false = pretraining statistics"),
        ParamSpec.Double("finetune.lr", "head learning rate while fine-tuning (when finetune.lr_grid is empty)", min: 1e-9, max: 1),
        ParamSpec.DoubleList("finetune.lr_grid", "FineTune's head lr chosen from these on BT val (classifier.monitor); empty = finetune.lr", min: 1e-9, max: 1),
        ParamSpec.DoubleList("classifier.lr_grid", "TrainHead's and TrainScratch's lr chosen from these on BT val (classifier.monitor), each arm its own; empty = classifier.lr", min: 1e-9, max: 1),
        ParamSpec.Double("finetune.encoder_lr_multiplier", "encoder lr = head lr × this", min: 1e-6, max: 10),
        ParamSpec.Int("finetune.unfreeze_blocks", "0 = all encoder blocks, else the last K", min: 0, max: 6),
    ];

    static ParamSpec[] ImageNetParamSpecs() =>
    [
        ParamSpec.Int("imagenet.image_size", "slice image side in pixels (224 is ResNet's native size)", min: 32, max: 512),
        ParamSpec.Int("imagenet.slices", "axial slices per 3-D subject", min: 1, max: 64),
        ParamSpec.Int("imagenet.slice_spacing", "slices between sampled centres (slices × spacing ≈ the volume's depth keeps every region in view)", min: 1, max: 16),
        ParamSpec.Int("imagenet.batch_size", "images per batch", min: 1, max: 1024),
        ParamSpec.Int("imagenet.head.epochs", "head epochs on frozen features", min: 1, max: 1000),
        ParamSpec.Double("imagenet.head.lr", "head learning rate", min: 1e-9, max: 1),
        ParamSpec.Int("imagenet.head.patience", "early-stopping patience", min: 1, max: 1000),
        ParamSpec.Int("imagenet.finetune.epochs", "fine-tuning epochs", min: 1, max: 1000),
        ParamSpec.Double("imagenet.finetune.lr", "head learning rate while fine-tuning", min: 1e-9, max: 1),
        ParamSpec.Double("imagenet.finetune.backbone_lr", "learning rate of the backbone's deepest stage (0 keeps it frozen)", min: 0, max: 1),
        ParamSpec.Double("imagenet.finetune.layer_decay", "layer-wise learning rates: each stage towards the stem trains this many times slower", min: 0, max: 1),
        ParamSpec.Int("imagenet.finetune.patience", "early-stopping patience", min: 1, max: 1000),
    ];

    static ParamSpec[] EvaluateParams() =>
    [
        ParamSpec.Int("evaluate.bootstrap_resamples", "patient-level bootstrap resamples (a patient's scans are drawn together)", min: 100, max: 100_000),
        ParamSpec.Int("evaluate.permutations", "random relabelings of the patient-level paired permutation test (exact when 2^patients is fewer)", min: 100, max: 1_000_000),
        ParamSpec.Int("evaluate.seed", "bootstrap seed", min: 0),
        ParamSpec.Double("evaluate.ci_level", "confidence level of the percentile intervals", min: 0.5, max: 0.999),
        ParamSpec.StringList("evaluate.variants", "variants expected (missing ones are reported)"),
        ParamSpec.String("evaluate.baseline", "the variant every other one is compared with"),
        ParamSpec.Double("evaluate.probe_l2", "L2 penalty of the linear probe", min: 0, max: 100),
        ParamSpec.Int("evaluate.probe_iterations", "gradient steps of the linear probe", min: 1, max: 100_000),
        ParamSpec.Double("evaluate.probe_lr", "step size of the linear probe (capped at 1/L)", min: 1e-9, max: 10),
        ParamSpec.Int("evaluate.reconstruction_examples", "subjects per cohort shown as reconstructions", min: 0, max: 20),
        ParamSpec.Int("report.plot_width", "plot width in pixels", min: 300, max: 4000),
        ParamSpec.Int("report.plot_height", "plot height in pixels", min: 200, max: 3000),
        ParamSpec.String("report.headline_variant", "the comparison that opens the report"),
    ];

    static ParamSpec[] OptimizerParams(string stage) =>
    [
        ParamSpec.Choice($"{stage}.optimizer", "optimizer", "adam", "adamw"),
        ParamSpec.Double($"{stage}.lr", "learning rate", min: 1e-9, max: 1),
        ParamSpec.Double($"{stage}.weight_decay", "weight decay", min: 0, max: 1),
        ParamSpec.Choice($"{stage}.schedule", "learning-rate schedule", "cosine", "step", "constant"),
        ParamSpec.Int($"{stage}.step_size", "step schedule: epochs per step", min: 1, max: 1000),
        ParamSpec.Double($"{stage}.step_gamma", "step schedule: factor per step", min: 1e-6, max: 1),
    ];

    static ParamSpec[] AugmentParams(string stage) =>
    [
        ParamSpec.Bool($"{stage}.augment.flip", "random left-right flips"),
        ParamSpec.Double($"{stage}.augment.rotate_degrees", "maximum rotation about each axis", min: 0, max: 30),
        ParamSpec.Double($"{stage}.augment.scale", "maximum relative zoom", min: 0, max: 0.3),
        ParamSpec.Double($"{stage}.augment.shift", "maximum shift as a fraction of the field of view", min: 0, max: 0.3),
        ParamSpec.Double($"{stage}.augment.intensity", "maximum relative gain/offset jitter", min: 0, max: 1),
        ParamSpec.Choice($"{stage}.augment.interpolation", "how the affine resamples: linear (smooths one-voxel edges) or nearest (copies voxels, edges stay sharp)", "linear", "nearest"),
    ];
}

partial class Build
{
    /// <summary>
    /// What a cohort must be that params and a glance at the cohort can tell (a manifest's label column, or the image
    /// counts of class folders; no image is opened), so `--dry-run` says it before any stage runs: two classes for the BT
    /// classifiers, enough subjects per class for the split, no empty class folder. The full check reads every file
    /// when Preprocess runs.
    /// </summary>
    static readonly ParamCheck[] PreprocessChecks =
    [
        ParamCheck.Custom(["data.bt", "preprocess.k_folds"], v => CohortGlance.Problems(v.GetString("data.bt"), bt: true, (int)v.GetInt("preprocess.k_folds"))),
        ParamCheck.Custom(["data.ad", "preprocess.k_folds"], v => CohortGlance.Problems(v.GetString("data.ad"), bt: false, (int)v.GetInt("preprocess.k_folds"))),
    ];
}

/// <summary>Label counts of a user's cohort without reading images (see <c>Build.PreprocessChecks</c>).</summary>
static class CohortGlance
{
    static readonly string[] ImageExtensions = [".nii.gz", ".nii", ".hdr", ".mha", ".mhd", ".png", ".jpg", ".jpeg", ".bmp"];
    static readonly string[] SplitFolders = ["training", "train", "testing", "test"];

    public static IEnumerable<string> Problems(string path, bool bt, int folds)
    {
        if (path.Length == 0) return [];
        var problems = new List<string>();
        var counts = File.Exists(path) ? ManifestLabels(path)
            : File.Exists(Path.Combine(path, "manifest.csv")) ? ManifestLabels(Path.Combine(path, "manifest.csv"))
            : Directory.Exists(path) ? FolderLabels(path, problems) : null;
        if (counts is null || counts.Count == 0) return problems.Select(p => $"{path}: {p}");
        var perClass = (bt ? 1 : 0) + Math.Max(2, folds);
        if (bt && counts.Count < 2)
            problems.Add($"the cohort has one class ('{counts.Keys.First()}', {counts.Values.First()} subjects); the BT classifiers need at least 2 classes");
        foreach (var (label, n) in counts.Where(c => c.Value < perClass))
            problems.Add($"class '{label}' has {n} subject(s); a stratified {(bt ? "train/val/test" : "train/val")} split{(folds >= 2 ? $" with preprocess.k_folds {folds}" : "")} needs at least {perClass} per class: add subjects or drop the class");
        return problems.Select(p => $"{path}: {p}");
    }

    /// <summary>label → rows of a manifest (null when it has no label column; Preprocess reports that).</summary>
    static Dictionary<string, int>? ManifestLabels(string manifest)
    {
        var lines = File.ReadLines(manifest).Where(l => l.Trim().Length > 0).ToList();
        if (lines.Count == 0) return null;
        var column = Fields(lines[0]).Select(h => h.Trim().ToLowerInvariant()).ToList().IndexOf("label");
        if (column < 0) return null;
        return lines.Skip(1).Select(l => Fields(l)).Where(f => f.Count > column && f[column].Trim().Length > 0)
            .GroupBy(f => f[column].Trim(), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>label → image files of class folders (root/class/… or root/Training|Testing/class/…); null for other layouts (OASIS, Figshare).</summary>
    static Dictionary<string, int>? FolderLabels(string root, List<string> problems)
    {
        var top = Directory.GetDirectories(root).Where(d => !Path.GetFileName(d).StartsWith('.')).ToList();
        if (top.Count == 0 || top.Any(d => Path.GetFileName(d).StartsWith("OAS1_", StringComparison.OrdinalIgnoreCase))) return null;
        var splits = top.Where(d => SplitFolders.Contains(Path.GetFileName(d).ToLowerInvariant())).ToList();
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var folder in splits.Count > 0 ? splits : [root])
            foreach (var classFolder in Directory.GetDirectories(folder).Where(d => !Path.GetFileName(d).StartsWith('.')))
            {
                var images = Directory.EnumerateFiles(classFolder, "*", SearchOption.AllDirectories)
                    .Count(f => ImageExtensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)));
                if (images == 0) problems.Add($"class folder {Path.GetRelativePath(root, classFolder)}/ holds no images; add its images or remove the folder");
                counts[Path.GetFileName(classFolder)] = counts.GetValueOrDefault(Path.GetFileName(classFolder)) + images;
            }
        return counts.Where(c => c.Value > 0).ToDictionary(c => c.Key, c => c.Value);
    }

    /// <summary>The fields of one CSV line (double quotes, "" inside them).</summary>
    static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        fields.Add(current.ToString());
        return fields;
    }
}
