"""The Qt desktop app of Improvement Register. It calls only the service layer of :mod:`register`."""
