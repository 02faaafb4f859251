"""The main screen: the layout, navigation and the state it pushes down to the features."""
