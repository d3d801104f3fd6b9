from budgetlens.cli import main

main()
