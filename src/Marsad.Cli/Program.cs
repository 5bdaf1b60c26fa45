using System.Text;
using Marsad.Cli;

// Raw stdin (its encoding is detected like a file's); UTF-8 out whatever the console's settings; stdout
// buffered and flushed per document by the commands, stderr unbuffered.
var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
using var stdin = new StreamReader(Console.OpenStandardInput(), utf8, detectEncodingFromByteOrderMarks: false);
using var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8, 64 * 1024) { AutoFlush = false };
using var stderr = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true };
var exit = MarsadCommandLine.Run(args, stdin, stdout, stderr);
stdout.Flush();
return exit;
