# ui/
