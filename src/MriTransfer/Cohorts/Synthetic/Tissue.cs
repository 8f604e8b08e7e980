namespace MriTransfer.Cohorts.Synthetic;

/// <summary>The label a phantom voxel is mostly made of (for tests and QC; the images hold intensities).</summary>
public enum Tissue : byte
{
    Background = 0,
    Scalp = 1,
    Skull = 2,
    Csf = 3,
    Grey = 4,
    White = 5,
    Ventricle = 6,
    Hippocampus = 7,
    Oedema = 8,
    TumourEnhancing = 9,
    TumourNecrosis = 10,
    Meningioma = 11,
    Pituitary = 12,
    Dura = 13,
}
