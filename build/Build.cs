// The pipeline definition. The engine issue replaces this bootstrap entry point with the stage DAG.
partial class Build
{
    public static int Main(string[] args)
    {
        System.Console.Error.WriteLine("the pipeline engine is not built yet");
        return 1;
    }
}
