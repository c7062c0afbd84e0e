import FigureModel
import Foundation
import InfoRequests
import PlotGrammar

/// A figure drawn by the plot grammar: the spec of a ```plot block (or a user's spec named in a
/// ```figure block), the parameter values its block set, and the template's `data:`/`values:`
/// for its expressions. Placed, numbered and captioned exactly like a catalogue figure.
public struct PlotBlock: Sendable, Equatable {
    public var spec: PlotSpec
    public var settings: [String: JSONValue]
    public var names: [String: JSONValue]

    /// Template errors: a spec error already names its file, line and column.
    func figure(theme: Theme, size: FigureSize?) throws -> FigureModel.Figure {
        do { return try spec.figure(settings: settings, names: names, theme: theme, size: size) } catch let e as PlotSpecError {
            throw TemplateError(file: e.file, at: e.position, e.message)
        }
    }

    /// Two blocks are the same figure when they come from the same place with the same values.
    public static func == (a: PlotBlock, b: PlotBlock) -> Bool {
        a.spec.file == b.spec.file && a.spec.root.position == b.spec.root.position && a.settings == b.settings
            && a.names == b.names
    }
}

/// The keys a plot block reads itself; every other key is the spec's (or sets one of its `params:`).
let plotBlockKeys = ["caption", "label"]

extension MarkdownConverter {
    /// A ```plot block: a spec inline (CSV paths relative to the template), `caption`/`label` as
    /// on figure blocks, and a key naming one of the spec's `params:` sets it (references to
    /// `data:`/`values:` resolved). Compiled once here so a spec error stops the build at its line.
    mutating func plot(yaml: String, fencePosition: SourcePosition) throws -> Figure {
        let firstLine = fencePosition.line + 1
        guard let root = try parseTemplateYAML(yaml, file: file, firstLine: firstLine), let entries = root.entries else {
            throw TemplateError(file: file, at: fencePosition, "a plot block holds a plot spec: YAML with layers: or panels: (see README, \"Your own plots\")")
        }
        let directory = (file as NSString).deletingLastPathComponent
        let spec: PlotSpec
        do {
            spec = try PlotSpec(root: root, file: file, baseDirectory: directory.isEmpty ? "." : directory,
                                blockKeys: plotBlockKeys, parameterKeys: true)
        } catch let e as PlotSpecError { throw TemplateError(file: e.file, at: e.position, e.message) }
        return try plotFigure(name: "plot", spec: spec, entries: entries, fencePosition: fencePosition)
    }

    /// A figure drawn from `spec` (a plot block's, or the user's spec `name` in a figure block):
    /// its size is the spec's unless the figure block gives one; the block's parameter keys set
    /// the spec's params. Compiled once here so a spec error stops the build at its line.
    mutating func plotFigure(name: String, spec: PlotSpec, entries: [YAMLEntry], fencePosition: SourcePosition) throws -> Figure {
        var figure = Figure(name: name, parameters: .object([]), caption: [], label: nil, number: 0, id: "", size: nil,
                            position: fencePosition)
        do { figure.size = try spec.declaredSize()?.description } catch let e as PlotSpecError {
            throw TemplateError(file: e.file, at: e.position, e.message)
        }
        let blockKeys = plotBlockKeys + (name == "plot" ? [] : ["size"])
        for e in entries where blockKeys.contains(e.key) { try readBlockKey(e, into: &figure) }
        let block = try plotBlock(spec, setting: entries.filter { e in spec.parameters.contains { $0.name == e.key } })
        _ = try block.figure(theme: .light, size: nil)
        figure.plot = block
        if let label = figure.label { try define(label, at: fencePosition) }
        return figure
    }

    /// The block's parameter keys checked against the spec's declaration, with the template's names.
    func plotBlock(_ spec: PlotSpec, setting entries: [YAMLEntry]) throws -> PlotBlock {
        var settings: [String: JSONValue] = [:]
        for e in entries {
            guard let p = spec.parameters.first(where: { $0.name == e.key }) else { continue }
            let value = try resolveReferences(e.value, in: values, file: file)
            do { try p.check(value) } catch { throw TemplateError(file: file, at: e.value.position, "\(error)") }
            settings[e.key] = value
        }
        var names: [String: JSONValue] = [:]
        for name in values.names { names[name] = values[name]?.raw }
        return PlotBlock(spec: spec, settings: settings, names: names)
    }
}
