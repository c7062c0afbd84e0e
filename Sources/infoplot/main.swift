import InfoplotCLI
InfoplotCommand.main()
