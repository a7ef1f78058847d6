"""LevitateOS image-builder: turns a staged root filesystem into images.

Modules, one concept each:
  entries   Entry, the archive's view of one file, folder, link or device
  tree      walks a staged root folder into entries (owner root:root)
  devices   reads a device table (device nodes need no root privileges here)
  cpio      writes entries as a newc ("070701") cpio archive
  errors    ImageError, the one exception the command line reports

The command lines live beside this package (image-builder/mkinitramfs).
"""
