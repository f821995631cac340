from cvgap.cli import main

main()
