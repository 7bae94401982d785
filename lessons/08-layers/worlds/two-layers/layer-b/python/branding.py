SLOGAN = "Version two"
