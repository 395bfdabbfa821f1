# demo/
