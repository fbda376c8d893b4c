from transqa.cli import run

run()
