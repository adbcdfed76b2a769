using NUnit.Framework;

// Feature fixtures and unit test fixtures run in parallel; every scenario builds its own world.
[assembly: Parallelizable(ParallelScope.Fixtures)]
