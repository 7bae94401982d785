SLOGAN = "Version one"
