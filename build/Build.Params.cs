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
        ParamSpec.IntList("learning_curve.seeds", "seeds of the learning curve", min: 0),
        ParamSpec.Int("runtime.torch_threads", "libtorch threads per stage process", min: 1, max: 256),
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
        ParamSpec.Int("pretrain.patience", "early-stopping patience on AD val loss", min: 1, max: 10_000),
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
        ParamSpec.Int("imagenet.slice_spacing", "slices between sampled centres", min: 1, max: 16),
        ParamSpec.Int("imagenet.batch_size", "images per batch", min: 1, max: 1024),
        ParamSpec.Int("imagenet.head.epochs", "head epochs on frozen features", min: 1, max: 1000),
        ParamSpec.Double("imagenet.head.lr", "head learning rate", min: 1e-9, max: 1),
        ParamSpec.Int("imagenet.head.patience", "early-stopping patience", min: 1, max: 1000),
        ParamSpec.Int("imagenet.finetune.epochs", "fine-tuning epochs", min: 1, max: 1000),
        ParamSpec.Double("imagenet.finetune.lr", "head learning rate while fine-tuning", min: 1e-9, max: 1),
        ParamSpec.Double("imagenet.finetune.backbone_lr", "backbone learning rate (0 keeps it frozen)", min: 0, max: 1),
        ParamSpec.Int("imagenet.finetune.patience", "early-stopping patience", min: 1, max: 1000),
    ];

    static ParamSpec[] EvaluateParams() =>
    [
        ParamSpec.Int("evaluate.bootstrap_resamples", "subject-level bootstrap resamples", min: 100, max: 100_000),
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
    ];
}
