using Marsad.Cli;

return MarsadCommandLine.Run(args, Console.In, Console.Out, Console.Error);
